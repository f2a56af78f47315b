using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Wallboard;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

public sealed class WallboardQueryTests
{
    /// <summary>Tuesday 03.03.2026, 11:00 in Kyiv (EET, +02:00); the Kyiv day began at 2026-03-02T22:00Z.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset TodayStarts = new(2026, 3, 2, 22, 0, 0, TimeSpan.Zero);

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TodaysIntake_StartsAtKyivMidnight_AndYesterdayIsCountedToTheSameTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        await SaveAsync(database, cards,
            cards.NewCard(TodayStarts.AddMinutes(-1), phone: "0671000001"), // 23:59 yesterday: not today's
            cards.NewCard(TodayStarts, phone: "0671000002"), // 00:00: today's
            WebCard(cards, Now.AddHours(-1)),
            cards.NewCard(Now.AddDays(-1).AddMinutes(-30), phone: "0671000003"), // yesterday 10:30: before this time of day
            cards.NewCard(Now.AddDays(-1).AddMinutes(30), phone: "0671000004")); // yesterday 11:30: after it

        var board = await Query(database).HandleAsync(Cards.Operator, Ct);

        Assert.NotNull(board);
        Assert.Equal(2, board.Intake.Today);
        Assert.Equal([(Channel.Phone, 1), (Channel.Web, 1), (Channel.Api, 0)], board.Intake.ByChannel.Select(c => (c.Channel, c.Today)));
        Assert.Equal(1, board.Intake.YesterdaySameTime);
        Assert.Equal(Now, board.Now);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PendingRequests_AreCountedByKind_WithTheOldestWaitingTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        var redirectOld = cards.NewCard(Now.AddDays(-2), phone: "0671000011");
        Assert.True(redirectOld.RequestRedirect(cards.WaterStaff, Now.AddHours(-30), "Мережа не наша").IsSuccess);
        var redirectNew = cards.NewCard(Now.AddDays(-2), phone: "0671000012");
        Assert.True(redirectNew.RequestRedirect(cards.WaterStaff, Now.AddHours(-2), "Мережа благоустрою").IsSuccess);
        var extension = cards.NewCard(Now.AddDays(-2), phone: "0671000013");
        var act = extension.AddAttachment(cards.WaterStaff, Now.AddHours(-6), new AttachmentInfo("акт.pdf", "application/pdf", 100, "a.pdf")).Value;
        Assert.True(extension.RequestExtension(cards.WaterStaff, Now.AddHours(-5), "Потрібна заміна труби", extension.DueAt.AddDays(5), [act]).IsSuccess);
        var decided = cards.NewCard(Now.AddDays(-3), phone: "0671000014");
        var refused = decided.RequestRedirect(cards.WaterStaff, Now.AddHours(-50), "Не наше").Value;
        Assert.True(decided.RejectRequest(Cards.Operator, Now.AddHours(-49), refused, "Ваша мережа").IsSuccess);
        await SaveAsync(database, cards, redirectOld, redirectNew, extension, decided);

        var board = await Query(database).HandleAsync(Cards.Operator, Ct);

        Assert.NotNull(board);
        Assert.Equal(
            [(RequestKind.Redirect, 2, Now.AddHours(-30)), (RequestKind.Extension, 1, Now.AddHours(-5))],
            board.Pending.Select(p => (p.Kind, p.Count, p.OldestRequestedAt)));
        Assert.Equal(3, board.PendingTotal);
        Assert.Equal(Now.AddHours(-30), board.OldestPendingAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Overdue_LeavesOutClosedAndSerCards_AndCountsThoseThatTurnedOverdueToday(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        // Three days' term: registered on Friday 27.02 it is due Monday 02.03 23:59:59, overdue since midnight today.
        var sinceToday = cards.NewCard(new DateTimeOffset(2026, 2, 27, 9, 0, 0, TimeSpan.Zero), phone: "0671000021");
        var sinceFriday = cards.NewCard(new DateTimeOffset(2026, 2, 24, 9, 0, 0, TimeSpan.Zero), phone: "0671000022");
        var closed = cards.NewCard(new DateTimeOffset(2026, 2, 24, 9, 0, 0, TimeSpan.Zero), phone: "0671000023");
        Assert.True(closed.Close(Cards.Operator, new DateTimeOffset(2026, 2, 28, 9, 0, 0, TimeSpan.Zero), AppealResult.ResolvedPositively, "Виконано").IsSuccess);
        var inSerPlan = cards.NewCard(new DateTimeOffset(2026, 2, 24, 9, 0, 0, TimeSpan.Zero), phone: "0671000024");
        var estimate = inSerPlan.AddAttachment(cards.WaterStaff, new DateTimeOffset(2026, 2, 25, 9, 0, 0, TimeSpan.Zero), new AttachmentInfo("кошторис.pdf", "application/pdf", 100, "k.pdf")).Value;
        var plan = inSerPlan.RequestPlanInclusion(cards.WaterStaff, new DateTimeOffset(2026, 2, 25, 10, 0, 0, TimeSpan.Zero), "Потрібна реконструкція мережі", [estimate]).Value;
        Assert.True(inSerPlan.ApprovePlanInclusion(Cards.Operator, new DateTimeOffset(2026, 2, 26, 9, 0, 0, TimeSpan.Zero), plan, "Програма ЖКГ 2027", "Потрібне бюджетне фінансування").IsSuccess);
        var onTime = cards.NewCard(Now.AddHours(-3), phone: "0671000025");
        await SaveAsync(database, cards, sinceToday, sinceFriday, closed, inSerPlan, onTime);
        Assert.Equal(TodayStarts.AddSeconds(-1), sinceToday.DueAt);

        var board = await Query(database).HandleAsync(Cards.Operator, Ct);

        Assert.NotNull(board);
        Assert.Equal(2, board.Overdue);
        Assert.Equal(1, board.OverdueSinceToday);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Emergencies_AreTheOpenEmergencyWorks_AndTheOpenCardsOfHoursTermProblems(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        var burst = new ClassifierProblem(Guid.NewGuid(), "01.009", "Аварія на водопровідній мережі (порив)", cards.Section.Id, cards.Water.Id, NormativeTerm.Hours(4));
        var going = RepairWork.RegisterEmergency(cards.WaterStaff, Now.AddHours(-2), cards.Water.Id, UtilityService.Water, "Порив водогону", ["вул. Соборна", "вул. Ярмаркова, 3"], Now.AddHours(-2).AddMinutes(-10), Now.AddHours(3)).Value;
        var finished = RepairWork.RegisterEmergency(cards.WaterStaff, Now.AddDays(-1), cards.Water.Id, UtilityService.Water, "Порив на Гоголя", ["вул. Гоголя"], Now.AddDays(-1), Now.AddDays(-1).AddHours(4)).Value;
        Assert.True(finished.Complete(cards.WaterStaff, Now.AddDays(-1).AddHours(3), "Усунено").IsSuccess);
        var planned = RepairWork.RegisterPlanned(cards.WaterStaff, Now.AddDays(-2), cards.Water.Id, UtilityService.Water, "Заміна засувок", ["вул. Шевченка"], Now.AddHours(-1), Now.AddHours(5)).Value;
        Assert.True(planned.Start(cards.WaterStaff, Now.AddHours(-1)).IsSuccess);
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            db.ClassifierProblems.Add(burst);
            db.RepairWorks.AddRange(going, finished, planned);
            await db.SaveChangesAsync(Ct);
        }

        var urgent = Register(cards, burst, Now.AddHours(-5), "0671000031"); // due an hour ago
        var fresh = Register(cards, burst, Now.AddHours(-1), "0671000032");
        var done = Register(cards, burst, Now.AddHours(-3), "0671000033");
        Assert.True(done.Close(Cards.Operator, Now.AddHours(-1), AppealResult.ResolvedPositively, "Усунено").IsSuccess);
        await SaveAsync(database, cards, urgent, fresh, done, cards.NewCard(Now.AddHours(-1)));

        var board = await Query(database).HandleAsync(Cards.Operator, Ct);

        Assert.NotNull(board);
        var work = Assert.Single(board.EmergencyWorks);
        Assert.Equal((going.Id, "Водоканал", Now.AddHours(-2).AddMinutes(-10), Now.AddHours(3)), (work.Id, work.ExecutorName, work.Since, work.ExpectedEnd));
        Assert.Equal(["вул. Соборна", "вул. Ярмаркова, 3"], work.Addresses);
        Assert.Equal(2, board.EmergencyCardCount);
        Assert.Equal([urgent.Number, fresh.Number], board.EmergencyCards.Select(c => c.Number));
        Assert.Equal(("Аварія на водопровідній мережі (порив)", "Водоканал", "вул. Соборна, 1"), (board.EmergencyCards[0].ProblemName, board.EmergencyCards[0].ExecutorName, board.EmergencyCards[0].ProblemAddress));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OnlyTheDepartmentAndTheManager_GetTheFigures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        await SaveAsync(database, cards, cards.NewCard(Now.AddHours(-1)));
        var query = Query(database);

        Assert.Null(await query.HandleAsync(cards.WaterStaff, Ct));
        Assert.Null(await query.HandleAsync(new Actor("head", "Керівник", Role.ExecutorHead, cards.Water.Id), Ct));
        Assert.Null(await query.HandleAsync(new Actor("dep", "Заступник", Role.Deputy, null, [cards.Direction.Id]), Ct));
        Assert.Null(await query.HandleAsync(new Actor("mayor", "Міський голова", Role.Mayor), Ct));
        Assert.Null(await query.HandleAsync(null, Ct));
        Assert.Equal(1, (await query.HandleAsync(new Actor("mgr", "Керуючий справами", Role.Manager), Ct))?.Intake.Today);
        Assert.Equal(1, (await query.HandleAsync(new Actor("adm", "Адміністратор", Role.Admin), Ct))?.Intake.Today);
    }

    private static WallboardQuery Query(TestDatabase database) => new(database.Factory(), new FakeTimeProvider(Now));

    private static Appeal WebCard(Cards cards, DateTimeOffset at)
    {
        var data = new NewAppeal(
            Channel.Web,
            new Applicant("Петренко", "Олег", "Іванович", "м. Пирятин, вул. Соборна, 7", null, "oleh@example.com"),
            "Тече вода у підвалі",
            "вул. Соборна, 7");
        return Appeal.Register(data, cards.Problem, cards.Water, cards.Policy, IntakeScreen.Open, null, Cards.Operator, at).Value;
    }

    private static Appeal Register(Cards cards, ClassifierProblem problem, DateTimeOffset at, string phone)
    {
        var data = new NewAppeal(
            Channel.Phone,
            new Applicant("Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", phone, null),
            "Б'є вода з-під асфальту",
            "вул. Соборна, 1");
        return Appeal.Register(data, problem, cards.Water, cards.Policy, IntakeScreen.Open, null, Cards.Operator, at).Value;
    }

    private static async Task SaveAsync(TestDatabase database, Cards cards, params Appeal[] appeals)
    {
        foreach (var appeal in appeals)
        {
            await using var db = database.CreateContext();
            await CardStore.SaveNewAsync(db, appeal, cards.Policy, Ct);
        }
    }
}
