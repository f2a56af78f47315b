using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Features.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Public;

public sealed class PublicUseCaseTests
{
    private const string BaseUrl = "https://cc.example.gov.ua";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, Cards Cards, IDbContextFactory<ContactCenterDbContext> Factory, FakeTimeProvider Clock)> ArrangeAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.BlockedMailDomainsKey, Value = "mail.ru" });
            await db.SaveChangesAsync(Ct);
        }

        return (database, cards, database.Factory(), new FakeTimeProvider(Cards.Now.AddHours(1)));
    }

    private static Appeal WebCard(Cards cards, string email = "maria@ukr.net")
    {
        var data = new NewAppeal(
            Channel.Web,
            new Applicant("Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", "0671234567", email),
            "Немає води з ранку",
            "вул. Соборна, 1");
        return Appeal.Register(data, cards.Problem, cards.Water, cards.Policy, IntakeScreen.Open, null, Actor.System, Cards.Now).Value;
    }

    private static async Task<string> SaveAsync(TestDatabase database, Cards cards, Appeal card)
    {
        await using var db = database.CreateContext();
        return (await CardStore.SaveNewAsync(db, card, cards.Policy, Ct)).ToString();
    }

    private static CardActions Actions(IDbContextFactory<ContactCenterDbContext> factory, FakeTimeProvider clock) =>
        new(new CardCommand(factory, clock, NullLogger<CardCommand>.Instance), new PublicLinks(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PublicLinks.BaseUrlKey] = BaseUrl + "/" }).Build()));

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StatusLookup_FindsTheCardOnlyWhenNumberAndPhoneBothMatch(DatabaseProvider provider)
    {
        var (database, cards, factory, _) = await ArrangeAsync(provider);
        await using var _ = database;
        var number = await SaveAsync(database, cards, cards.NewCard());
        var other = await SaveAsync(database, cards, cards.NewCard(phone: "0501112233"));
        var query = new PublicStatusQuery(factory);

        Assert.Null(await query.FindAsync(number, "0671234568", Ct));
        Assert.Null(await query.FindAsync(other, "0671234567", Ct));
        Assert.Null(await query.FindAsync("2026-999999", "0671234567", Ct));
        Assert.Null(await query.FindAsync(number, "", Ct));
        Assert.Null(await query.FindAsync("", "0671234567", Ct));

        var found = await query.FindAsync(" " + number + " ", "+38 (067) 123-45-67", Ct);
        Assert.NotNull(found);
        Assert.Equal(number, found.Number);
        Assert.Equal(AppealStatus.Registered, found.Status);
        Assert.Equal(cards.Water.Name, found.ExecutorName);
        Assert.Null(found.Resolution);
    }

    [Fact]
    public async Task StatusLookup_ShowsOnlyPublicTimelineEntries()
    {
        var (database, cards, factory, _) = await ArrangeAsync();
        await using var _ = database;
        var card = cards.NewCard();
        card.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(10), "Внутрішня примітка для бригади", isPublic: false);
        card.AddComment(cards.WaterStaff, Cards.Now.AddMinutes(20), "Бригаду направлено на місце", isPublic: true);
        var number = await SaveAsync(database, cards, card);

        var found = await new PublicStatusQuery(factory).FindAsync(number, "0671234567", Ct);

        Assert.NotNull(found);
        Assert.Contains(found.Timeline, l => l.Text.Contains("Бригаду направлено", StringComparison.Ordinal));
        Assert.DoesNotContain(found.Timeline, l => l.Text.Contains("Внутрішня", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Closing_QueuesTheConfirmationLetter_InTheSameSave(DatabaseProvider provider)
    {
        var (database, cards, factory, clock) = await ArrangeAsync(provider);
        await using var _ = database;
        var number = await SaveAsync(database, cards, WebCard(cards));
        var actions = Actions(factory, clock);

        // Refused (no resolution): neither the card nor a letter is saved.
        var refused = await actions.ExecuteAsync(number, null, Cards.Operator, CardAction.Close, new CardActionInput { Result = AppealResult.ResolvedPositively }, Ct);
        Assert.True(refused.IsFailure);
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.OutgoingMails.ToListAsync(Ct));
        }

        var closed = await actions.ExecuteAsync(number, null, Cards.Operator, CardAction.Close, new CardActionInput { Result = AppealResult.ResolvedPositively, Text = "Замінено засувку" }, Ct);

        Assert.True(closed.IsSuccess, closed.Error.Message);
        await using var check = database.CreateContext();
        var card = await check.Appeals.SingleAsync(a => a.Number == number, Ct);
        var letter = await check.OutgoingMails.SingleAsync(Ct);
        Assert.Equal(AppealStatus.Closed, card.Status);
        Assert.Equal("maria@ukr.net", letter.To);
        Assert.Equal(PublicLetters.ConfirmationKind, letter.Kind);
        Assert.Equal(number, letter.RegistrationNumber);
        Assert.Contains($"{BaseUrl}/public/confirm/{card.AccessToken}", letter.Body, StringComparison.Ordinal);
        Assert.Contains("Замінено засувку", letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingAProposedClosure_QueuesTheLetter_ButACardWithoutEmailGetsNone()
    {
        var (database, cards, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var withMail = WebCard(cards);
        withMail.ProposeClosure(cards.WaterStaff, Cards.Now.AddMinutes(30), "Засувку замінено", AppealResult.ResolvedPositively);
        var withoutMail = cards.NewCard(phone: "0501112233");
        withoutMail.ProposeClosure(cards.WaterStaff, Cards.Now.AddMinutes(30), "Засувку замінено", AppealResult.ResolvedPositively);
        var first = await SaveAsync(database, cards, withMail);
        var second = await SaveAsync(database, cards, withoutMail);
        var actions = Actions(factory, clock);

        foreach (var (number, card) in new[] { (first, withMail), (second, withoutMail) })
        {
            var request = card.PendingRequest(RequestKind.Closure)!;
            var decided = await actions.ExecuteAsync(number, null, Cards.Operator, CardAction.DecideRequests, new CardActionInput { RequestId = request.Id, Approve = true }, Ct);
            Assert.True(decided.IsSuccess, decided.Error.Message);
        }

        await using var db = database.CreateContext();
        var letter = await db.OutgoingMails.SingleAsync(Ct);
        Assert.Equal(first, letter.RegistrationNumber);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheApplicant_ConfirmsTheWork_AndCannotAnswerTwice(DatabaseProvider provider)
    {
        var (database, cards, factory, clock) = await ArrangeAsync(provider);
        await using var _ = database;
        var card = WebCard(cards);
        card.Close(Cards.Operator, Cards.Now.AddMinutes(30), AppealResult.ResolvedPositively, "Засувку замінено");
        await SaveAsync(database, cards, card);
        var confirmation = new AnswerConfirmation(factory, clock, NullLogger<AnswerConfirmation>.Instance);

        var view = await confirmation.ViewAsync(card.AccessToken, Ct);
        Assert.NotNull(view);
        Assert.True(view.CanAnswer);
        Assert.Equal("Засувку замінено", view.Resolution);

        var answered = await confirmation.HandleAsync(card.AccessToken, done: true, comment: null, Ct);
        var again = await confirmation.HandleAsync(card.AccessToken, done: false, comment: "Знову тече", Ct);

        Assert.True(answered.IsSuccess, answered.Error.Message);
        Assert.Equal(AppealErrors.AlreadyAnswered, again.Error);
        await using var db = database.CreateContext();
        var saved = await CardStore.LoadAsync(db, card.Number!, Ct);
        Assert.True(saved!.ConfirmedByApplicant);
        Assert.Equal(AppealStatus.Closed, saved.Status);
        var entry = saved.Timeline.Single(t => t.Kind == TimelineKind.ApplicantConfirmed);
        Assert.Equal("Іваненко Марія Петрівна", entry.ActorName);
        Assert.True(entry.IsPublic);
    }

    [Fact]
    public async Task TheApplicant_SaysNotDone_WithAComment_AndTheCardReturnsToWorkUnderControl()
    {
        var (database, cards, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var card = WebCard(cards);
        card.Close(Cards.Operator, Cards.Now.AddMinutes(30), AppealResult.ResolvedPositively, "Засувку замінено");
        await SaveAsync(database, cards, card);
        var confirmation = new AnswerConfirmation(factory, clock, NullLogger<AnswerConfirmation>.Instance);

        var withoutComment = await confirmation.HandleAsync(card.AccessToken, done: false, comment: " ", Ct);
        var withComment = await confirmation.HandleAsync(card.AccessToken, done: false, comment: "Вода тече й далі", Ct);

        Assert.Equal(AppealErrors.RejectionCommentRequired, withoutComment.Error);
        Assert.True(withComment.IsSuccess, withComment.Error.Message);
        await using var db = database.CreateContext();
        var saved = await db.Appeals.SingleAsync(Ct);
        Assert.Equal(AppealStatus.ReturnedToWork, saved.Status);
        Assert.True(saved.OnDepartmentControl);
        Assert.False(saved.ConfirmedByApplicant);
        var view = await confirmation.ViewAsync(card.AccessToken, Ct);
        Assert.True(view!.IsAnswered);
        Assert.False(view.CanAnswer);
    }

    [Fact]
    public async Task AWrongToken_FindsNothing()
    {
        var (database, cards, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var card = WebCard(cards);
        card.Close(Cards.Operator, Cards.Now.AddMinutes(30), AppealResult.ResolvedPositively, "Засувку замінено");
        await SaveAsync(database, cards, card);
        var confirmation = new AnswerConfirmation(factory, clock, NullLogger<AnswerConfirmation>.Instance);

        Assert.Null(await confirmation.ViewAsync(new string('0', 32), Ct));
        Assert.Null(await confirmation.ViewAsync("", Ct));
        Assert.Equal(ConfirmationErrors.NotFound, (await confirmation.HandleAsync("' OR 1=1 --", true, null, Ct)).Error);
    }

    private static (SubmitPublicAppeal Handler, string Root) Submitter(IDbContextFactory<ContactCenterDbContext> factory, FakeTimeProvider clock)
    {
        var root = Path.Combine(Path.GetTempPath(), "cc-public-tests", Guid.NewGuid().ToString("N"));
        var store = new AttachmentStore(new AttachmentStoreOptions(root), factory, clock, NullLogger<AttachmentStore>.Instance);
        var attach = new AddAttachment(factory, store, new CardCommand(factory, clock, NullLogger<CardCommand>.Instance), NullLogger<AddAttachment>.Instance);
        var register = new RegisterAppeal(factory, new ReferenceData(new ReferenceDataChanges(), clock), clock, NullLogger<RegisterAppeal>.Instance);
        return (new SubmitPublicAppeal(register, attach, clock, NullLogger<SubmitPublicAppeal>.Instance), root);
    }

    private static PublicAppealForm Form(Cards cards, string email = "maria@ukr.net") => new()
    {
        Surname = "Іваненко",
        FirstName = "Марія",
        Patronymic = "Петрівна",
        Residence = "м. Пирятин, вул. Соборна, 1",
        Phone = "067 123 45 67",
        Email = email,
        ProblemId = cards.Problem.Id,
        ProblemAddress = "вул. Соборна, 1",
        Essence = "Немає води з ранку",
        Consent = true,
    };

    [Fact]
    public async Task TheHoneypot_LooksAccepted_ButCreatesNothing()
    {
        var (database, cards, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var (handler, _) = Submitter(factory, clock);

        var result = await handler.HandleAsync(Form(cards) with { Website = "http://spam.example" }, [], BaseUrl, Ct);

        Assert.True(result.IsSuccess);
        Assert.True(result.Discarded);
        Assert.Null(result.RegistrationNumber);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Appeals.CountAsync(Ct));
        Assert.Equal(0, await db.OutgoingMails.CountAsync(Ct));
        Assert.Equal(0, await db.RegistrationRefusals.CountAsync(Ct));
    }

    [Fact]
    public async Task AWebAppeal_IsRegistered_WithItsPhoto_AndTheLetterWithTheNumberAndLinks()
    {
        var (database, cards, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var (handler, root) = Submitter(factory, clock);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

        try
        {
            var result = await handler.HandleAsync(Form(cards), [new PublicUpload("акт.pdf", pdf.Length, () => new MemoryStream(pdf))], BaseUrl, Ct);

            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Empty(result.FileProblems);
            await using var db = database.CreateContext();
            var card = await CardStore.LoadAsync(db, result.RegistrationNumber!, Ct);
            Assert.Equal(Channel.Web, card!.Channel);
            Assert.Single(card.Attachments);
            var letter = await db.OutgoingMails.SingleAsync(Ct);
            Assert.Equal(PublicLetters.RegistrationKind, letter.Kind);
            Assert.Contains(result.RegistrationNumber!, letter.Body, StringComparison.Ordinal);
            Assert.Contains($"{BaseUrl}/public/status", letter.Body, StringComparison.Ordinal);
            Assert.Contains($"{BaseUrl}/public/confirm/{card.AccessToken}", letter.Body, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task WithoutConsent_OrFromABlockedDomain_NothingIsRegistered_AndEachErrorHasItsField()
    {
        var (database, cards, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var (handler, _) = Submitter(factory, clock);

        var noConsent = await handler.HandleAsync(Form(cards) with { Consent = false }, [], BaseUrl, Ct);
        var blocked = await handler.HandleAsync(Form(cards, "maria@mail.ru"), [], BaseUrl, Ct);

        Assert.Equal("consent", PublicFormFields.FieldOf[Assert.Single(noConsent.Errors).Code]);
        Assert.Equal(IntakeErrors.MailDomainBlocked, Assert.Single(blocked.Errors));
        Assert.Equal("email", PublicFormFields.FieldOf[IntakeErrors.MailDomainBlocked.Code]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Appeals.CountAsync(Ct));
        Assert.Equal(1, await db.RegistrationRefusals.CountAsync(Ct));
    }

    [Fact]
    public async Task AnIncompleteForm_GetsEveryMessageAtOnce_AndNothingIsRecorded()
    {
        var (database, _, factory, clock) = await ArrangeAsync();
        await using var _ = database;
        var (handler, _) = Submitter(factory, clock);

        var result = await handler.HandleAsync(new PublicAppealForm { Surname = "Іваненко" }, [], BaseUrl, Ct);

        var fields = result.Errors.Select(e => PublicFormFields.FieldOf[e.Code]).ToHashSet();
        string[] expected = ["address", "consent", "email", "essence", "firstName", "patronymic", "phone", "problem", "residence"];
        Assert.Equal(expected, fields.Order(StringComparer.Ordinal).ToArray());
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Appeals.CountAsync(Ct));
        Assert.Equal(0, await db.RegistrationRefusals.CountAsync(Ct));
    }
}
