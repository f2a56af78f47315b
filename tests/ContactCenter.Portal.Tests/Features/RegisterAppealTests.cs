using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

public sealed class RegisterAppealTests
{
    private static async Task<(TestDatabase Database, Cards Cards, RegisterAppeal Handler, FakeTimeProvider Clock)> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.BlockedMailDomainsKey, Value = "mail.ru, yandex.ru" });
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(Cards.Now);
        return (database, cards, new RegisterAppeal(database.Factory(), new ReferenceData(new ReferenceDataChanges(), clock), clock, NullLogger<RegisterAppeal>.Instance), clock);
    }

    private static RegisterAppealCommand Call(Cards cards, string phone = "067 123 45 67", Channel channel = Channel.Phone, string? email = null, string address = "вул. Соборна, 1") =>
        new(new NewAppeal(channel, new Applicant("Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", phone, email), "Немає води", address), cards.Problem.Id);

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Handle_ATypicalCall_RegistersRoutedCardWithNumberAndDueDate(DatabaseProvider provider)
    {
        var (database, cards, handler, _) = await ArrangeAsync(provider);
        await using var _ = database;

        var result = await handler.HandleAsync(Call(cards), Cards.Operator, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("2026-000001", result.RegistrationNumber);
        await using var db = database.CreateContext();
        var card = await db.Appeals.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(cards.Water.Id, card.ExecutorId);
        Assert.Equal(cards.Policy.DueAt(Cards.Now, cards.Problem.Term, false), card.DueAt);
        Assert.Equal("+380671234567", card.Phone);
        Assert.Equal(Cards.Operator.Id, card.RegisteredById);
    }

    [Fact]
    public async Task Handle_MissingMandatoryData_ReturnsEveryErrorAndSavesNothing()
    {
        var (database, cards, handler, _) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var command = new RegisterAppealCommand(new NewAppeal(Channel.Phone, new Applicant("", "", "", "", null, null), "", ""), cards.Problem.Id);

        var result = await handler.HandleAsync(command, Cards.Operator, TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.Contains(AppealErrors.SurnameRequired, result.Errors);
        Assert.Contains(AppealErrors.FirstNameRequired, result.Errors);
        Assert.Contains(AppealErrors.PatronymicRequired, result.Errors);
        Assert.Contains(AppealErrors.ResidenceRequired, result.Errors);
        Assert.Contains(AppealErrors.ContactRequired, result.Errors);
        Assert.Contains(AppealErrors.EssenceRequired, result.Errors);
        Assert.Contains(AppealErrors.ProblemAddressRequired, result.Errors);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Appeals.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Handle_ABlockedApplicant_IsRefusedAndTheRefusalRecorded()
    {
        var (database, cards, handler, _) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using (var db = database.CreateContext())
        {
            db.ApplicantBlocks.Add(ApplicantBlock.Create(Cards.Operator, Cards.Now.AddDays(-1), "0671234567", null, "Нецензурна лайка (п. 2.5)").Value);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var result = await handler.HandleAsync(Call(cards), Cards.Operator, TestContext.Current.CancellationToken);

        Assert.Equal([IntakeErrors.ApplicantBlocked], result.Errors);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Appeals.CountAsync(TestContext.Current.CancellationToken));
        var refusal = await check.RegistrationRefusals.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(RefusalReason.BlockedApplicant, refusal.Reason);
        Assert.Equal("+380671234567", refusal.Phone);
    }

    [Fact]
    public async Task Handle_AWebAppealFromABlockedMailDomain_IsRefused()
    {
        var (database, cards, handler, _) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;

        var result = await handler.HandleAsync(Call(cards, channel: Channel.Web, email: "user@mail.ru"), Actor.System, TestContext.Current.CancellationToken);

        Assert.Equal([IntakeErrors.MailDomainBlocked], result.Errors);
        await using var check = database.CreateContext();
        Assert.Equal(RefusalReason.BlockedMailDomain, (await check.RegistrationRefusals.SingleAsync(TestContext.Current.CancellationToken)).Reason);
    }

    [Fact]
    public async Task Handle_TheSameCallerOnTheSameProblemAndAddress_IsLinkedAsARepeat()
    {
        var (database, cards, handler, clock) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var first = await handler.HandleAsync(Call(cards), Cards.Operator, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromDays(3));

        var second = await handler.HandleAsync(Call(cards, phone: "+380 67 123 45 67", address: "вулиця Соборна 1"), Cards.Operator, TestContext.Current.CancellationToken);
        var elsewhere = await handler.HandleAsync(Call(cards, address: "вул. Соборна, 15"), Cards.Operator, TestContext.Current.CancellationToken);

        Assert.Equal(first.RegistrationNumber, second.RepeatOf?.EarlierRegistrationNumber);
        Assert.Null(elsewhere.RepeatOf);
        await using var db = database.CreateContext();
        var repeat = await db.Appeals.SingleAsync(a => a.Number == second.RegistrationNumber, TestContext.Current.CancellationToken);
        Assert.Equal(AppealSign.Repeated, repeat.Sign);
        Assert.True(repeat.OnDepartmentControl);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Handle_ARepeat_IsFoundByThePhoneOrByTheEmail_OnlyOnTheSameProblemAtTheSameAddressWithinTheWindow(DatabaseProvider provider)
    {
        // §4.1: the same applicant (phone or e-mail), the same problem, the same address.
        var (database, cards, handler, clock) = await ArrangeAsync(provider);
        await using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var first = await handler.HandleAsync(Call(cards, phone: "067 111 11 11", channel: Channel.Web, email: "maria@ukr.net"), Cards.Operator, ct);
        clock.Advance(TimeSpan.FromDays(2));

        var byEmail = await handler.HandleAsync(Call(cards, phone: "067 222 22 22", channel: Channel.Web, email: "Maria@ukr.net"), Cards.Operator, ct);
        var byPhone = await handler.HandleAsync(Call(cards, phone: "067 111 11 11", channel: Channel.Web, email: "other@ukr.net"), Cards.Operator, ct);
        var elsewhere = await handler.HandleAsync(Call(cards, phone: "067 111 11 11", channel: Channel.Web, email: "maria@ukr.net", address: "вул. Шевченка, 2"), Cards.Operator, ct);
        var stranger = await handler.HandleAsync(Call(cards, phone: "067 333 33 33", channel: Channel.Web, email: "stranger@ukr.net"), Cards.Operator, ct);
        clock.Advance(RepeatDetector.DefaultWindow + TimeSpan.FromDays(1));
        var late = await handler.HandleAsync(Call(cards, phone: "067 444 44 44", channel: Channel.Web, email: "stranger@ukr.net"), Cards.Operator, ct);

        Assert.Equal(first.RegistrationNumber, byEmail.RepeatOf?.EarlierRegistrationNumber);
        Assert.Equal(first.RegistrationNumber, byPhone.RepeatOf?.EarlierRegistrationNumber);
        Assert.Null(elsewhere.RepeatOf);
        Assert.Null(stranger.RepeatOf);
        Assert.Null(late.RepeatOf);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Handle_WithALetter_WritesItWithTheCardAndItsNumber_OrNotAtAll(DatabaseProvider provider)
    {
        var (database, cards, handler, _) = await ArrangeAsync(provider);
        await using var _ = database;
        static ContactCenter.Infrastructure.Mail.OutgoingMail Letter(Appeal card) =>
            ContactCenter.Infrastructure.Mail.OutgoingMail.Create(card.Email!, $"Звернення № {card.Number}", "Текст", "registration", card.Number, Cards.Now);

        var refused = await handler.HandleAsync(Call(cards, channel: Channel.Web, email: "user@mail.ru") with { Letter = Letter }, Actor.System, TestContext.Current.CancellationToken);
        var accepted = await handler.HandleAsync(Call(cards, channel: Channel.Web, email: "user@ukr.net") with { Letter = Letter }, Actor.System, TestContext.Current.CancellationToken);

        Assert.False(refused.IsSuccess);
        Assert.True(accepted.IsSuccess);
        await using var db = database.CreateContext();
        var letter = await db.OutgoingMails.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(accepted.RegistrationNumber, letter.RegistrationNumber);
        Assert.Equal($"Звернення № {accepted.RegistrationNumber}", letter.Subject);
    }

    [Fact]
    public async Task Handle_ByAnExecutor_IsRefused()
    {
        var (database, cards, handler, _) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;

        var result = await handler.HandleAsync(Call(cards), cards.WaterStaff, TestContext.Current.CancellationToken);

        Assert.Equal([AppealErrors.NotDepartment], result.Errors);
    }
}
