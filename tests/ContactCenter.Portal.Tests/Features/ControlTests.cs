using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

public sealed class ControlTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheDepartmentsInbox_ListsPendingRequestsOldestFirst_AndTheCardsOnItsControl(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        var extended = cards.NewCard(Cards.Now.AddDays(-2));
        var photo = extended.AddAttachment(cards.WaterStaff, Cards.Now.AddDays(-1), new AttachmentInfo("акт.pdf", "application/pdf", 100, "a.pdf")).Value;
        extended.RequestExtension(cards.WaterStaff, Cards.Now.AddHours(-5), "Потрібна заміна ділянки труби", extended.DueAt.AddDays(5), [photo]);
        var proposed = cards.NewCard(Cards.Now.AddDays(-1), phone: "0501234567");
        proposed.ProposeClosure(cards.WaterStaff, Cards.Now.AddHours(-1), "Виконано", AppealResult.ResolvedPositively);
        var conflict = cards.NewCard(Cards.Now.AddDays(-1), phone: "0631234567");
        conflict.PutOnDepartmentControl(Cards.Operator, Cards.Now.AddHours(-2), DepartmentControlReason.Conflict, "Сусіди сваряться через стоки");
        foreach (var card in new[] { extended, proposed, conflict })
        {
            await using var db = database.CreateContext();
            await CardStore.SaveNewAsync(db, card, cards.Policy, Ct);
        }

        var queries = new ControlQueries(database.Factory(), new FakeTimeProvider(Cards.Now));
        var inbox = await queries.PendingRequestsAsync(Cards.Operator, Ct);
        var onControl = await queries.OnControlAsync(Cards.Operator, Ct);

        Assert.Equal([(extended.Number!, RequestKind.Extension, 1), (proposed.Number!, RequestKind.Closure, 0)], inbox.Select(r => (r.Number, r.Kind, r.ProofCount)));
        Assert.Equal("Водоканал", inbox[0].ExecutorName);
        Assert.Equal([conflict.Number], onControl.Select(c => c.Number));
        Assert.Empty(await queries.PendingRequestsAsync(cards.WaterStaff, Ct));
    }

    [Fact]
    public async Task TheSample_TakesClosedUncheckedCardsOnly_AndIsTheSameAllDay()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        for (var i = 0; i < 14; i++)
        {
            var card = cards.NewCard(Cards.Now.AddDays(-3), phone: $"06711{i:D5}");
            card.Close(Cards.Operator, Cards.Now.AddDays(-2), AppealResult.ResolvedPositively, "Виконано");
            if (i == 0)
            {
                card.RecordCheck(Cards.Operator, Cards.Now.AddDays(-1), QualityCheckKind.Sample, QualityCheckResult.Confirmed, "Фото відповідає");
            }

            await using var db = database.CreateContext();
            await CardStore.SaveNewAsync(db, card, cards.Policy, Ct);
        }

        var clock = new FakeTimeProvider(Cards.Now);
        var queries = new ControlQueries(database.Factory(), clock);
        var morning = await queries.SampleAsync(Cards.Operator, cancellationToken: Ct);
        clock.Advance(TimeSpan.FromHours(8));
        var evening = await queries.SampleAsync(Cards.Operator, cancellationToken: Ct);

        Assert.Equal(ControlQueries.SampleSize, morning.Count);
        Assert.Equal(morning.Select(s => s.Number), evening.Select(s => s.Number));
        Assert.DoesNotContain("2026-000001", morning.Select(s => s.Number));
        Assert.Equal(1, (await queries.ChecksSinceAsync(Cards.Operator, cancellationToken: Ct)).Confirmed);
    }

    [Fact]
    public async Task BlockingAnApplicant_IsTheDepartmentsAndStopsTheirNextCall()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var cards = new Cards();
        var blocking = new BlockApplicant(database.Factory(), new FakeTimeProvider(Cards.Now), NullLogger<BlockApplicant>.Instance);

        var byExecutor = await blocking.HandleAsync(new BlockApplicantCommand("0671234567", null, "Лайка"), cards.WaterStaff, Ct);
        var withoutReason = await blocking.HandleAsync(new BlockApplicantCommand("0671234567", null, " "), Cards.Operator, Ct);
        var blocked = await blocking.HandleAsync(new BlockApplicantCommand("067 123 45 67", null, "Нецензурна лайка на адресу оператора"), Cards.Operator, Ct);

        Assert.Equal(IntakeErrors.NotDepartment, byExecutor.Error);
        Assert.Equal(IntakeErrors.BlockReasonRequired, withoutReason.Error);
        Assert.True(blocked.IsSuccess);
        var queries = new ControlQueries(database.Factory(), new FakeTimeProvider(Cards.Now));
        var block = Assert.Single(await queries.BlocksAsync(Cards.Operator, Ct));
        Assert.Equal("+380671234567", block.Phone);

        Assert.True((await blocking.LiftAsync(block.Id, Cards.Operator, Ct)).IsSuccess);
        Assert.Empty(await queries.BlocksAsync(Cards.Operator, Ct));
    }
}
