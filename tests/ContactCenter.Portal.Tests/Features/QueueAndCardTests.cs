using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features;

public sealed class QueueAndCardTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    private static async Task<(TestDatabase Db, Cards Cards, FakeTimeProvider Clock, Dictionary<string, string> Numbers)> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        var numbers = new Dictionary<string, string>();
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
        }

        async Task AddAsync(string key, Appeal card)
        {
            await using var db = database.CreateContext();
            numbers[key] = (await CardStore.SaveNewAsync(db, card, cards.Policy, TestContext.Current.CancellationToken)).ToString();
        }

        // Now is 2026-03-02 09:00 UTC; the problem's term is 3 days.
        await AddAsync("overdue", cards.NewCard(Cards.Now.AddDays(-10), essence: "Давно немає води"));
        await AddAsync("fresh", cards.NewCard(Cards.Now, essence: "Немає води сьогодні"));
        var privileged = Appeal.Register(
            new NewAppeal(Channel.Phone, new Applicant("Ґудзь", "Євген", "Іванович", "вул. Соборна, 3", "0501112233", null, Privilege: PrivilegedCategory.WarDisabled), "Тече кран у дворі", "вул. Соборна, 3"),
            cards.Problem, cards.Water, cards.Policy, ContactCenter.Domain.Intake.IntakeScreen.Open, null, Cards.Operator, Cards.Now.AddHours(-1)).Value;
        await AddAsync("privileged", privileged);
        var roads = Appeal.Register(
            new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", "0671234567", null), "Яма на дорозі", "вул. Соборна, 1"),
            cards.Problem, cards.Roads, cards.Policy, ContactCenter.Domain.Intake.IntakeScreen.Open, null, Cards.Operator, Cards.Now.AddDays(-10)).Value;
        await AddAsync("roads", roads);
        return (database, cards, new FakeTimeProvider(Cards.Now), numbers);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Queue_OfAnExecutor_HoldsOnlyItsCards_MostUrgentAndPrivilegedFirst(DatabaseProvider provider)
    {
        var (database, cards, clock, n) = await ArrangeAsync(provider);
        await using var _ = database;
        var queue = new QueueQuery(database.Factory(), clock);

        var page = await queue.HandleAsync(new QueueRequest(), cards.WaterStaff, TestContext.Current.CancellationToken);

        Assert.Equal([n["overdue"], n["privileged"], n["fresh"]], page.Rows.Select(r => r.Number));
        Assert.Equal(3, page.Total);
        Assert.Equal(DeadlineState.Overdue, page.Rows[0].Deadline);
        Assert.True(page.Rows[1].IsPrivileged);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Queue_SearchesUkrainianTextWhateverTheCase(DatabaseProvider provider)
    {
        var (database, _, clock, n) = await ArrangeAsync(provider);
        await using var __ = database;
        var queue = new QueueQuery(database.Factory(), clock);

        var bySurname = await queue.HandleAsync(new QueueRequest(Search: "ґУДЗЬ"), Cards.Operator, TestContext.Current.CancellationToken);
        var byEssence = await queue.HandleAsync(new QueueRequest(Search: "яма"), Cards.Operator, TestContext.Current.CancellationToken);
        var byPhone = await queue.HandleAsync(new QueueRequest(Search: "050 111 22 33"), Cards.Operator, TestContext.Current.CancellationToken);
        var overdue = await queue.HandleAsync(new QueueRequest(QueueFilter.Overdue), Cards.Operator, TestContext.Current.CancellationToken);

        Assert.Equal([n["privileged"]], bySurname.Rows.Select(r => r.Number));
        Assert.Equal([n["roads"]], byEssence.Rows.Select(r => r.Number));
        Assert.Equal([n["privileged"]], byPhone.Rows.Select(r => r.Number));
        Assert.Equal(new[] { n["overdue"], n["roads"] }.Order(), overdue.Rows.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task Queue_OfADeputy_HoldsTheirDirectionsOnly()
    {
        var (database, cards, clock, _) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var __ = database;
        var queue = new QueueQuery(database.Factory(), clock);

        var own = await queue.HandleAsync(new QueueRequest(), new Actor("d", "Заступник", Role.Deputy, DirectionIds: [cards.Direction.Id]), TestContext.Current.CancellationToken);
        var other = await queue.HandleAsync(new QueueRequest(), new Actor("d2", "Інший заступник", Role.Deputy, DirectionIds: [Guid.NewGuid()]), TestContext.Current.CancellationToken);

        Assert.Equal(4, own.Total);
        Assert.Equal(0, other.Total);
    }

    [Fact]
    public async Task CardActions_OnACardChangedSinceItWasSeen_AreRefusedAndChangeNothing()
    {
        var (database, cards, clock, n) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var actions = new CardActions(new CardCommand(database.Factory(), clock, NullLogger<CardCommand>.Instance));
        var details = new CardDetailsQuery(database.Factory(), clock, NullLogger<CardDetailsQuery>.Instance);
        var seen = (await details.HandleAsync(n["fresh"], cards.WaterStaff, TestContext.Current.CancellationToken))!.Card.Version;

        var first = await actions.ExecuteAsync(n["fresh"], seen, Cards.Operator, CardAction.Comment, new CardActionInput { Text = "Відділ уточнив адресу" }, TestContext.Current.CancellationToken);
        var second = await actions.ExecuteAsync(n["fresh"], seen, cards.WaterStaff, CardAction.TakeIntoWork, new CardActionInput(), TestContext.Current.CancellationToken);

        Assert.True(first.IsSuccess);
        Assert.Equal(CardCommandErrors.Stale, second.Error);
        var now = (await details.HandleAsync(n["fresh"], cards.WaterStaff, TestContext.Current.CancellationToken))!.Card;
        Assert.Equal(AppealStatus.Registered, now.Status);
        Assert.Contains(now.Timeline, e => e.Text == "Відділ уточнив адресу");
    }

    [Fact]
    public async Task CardActions_OnAnotherExecutorsCard_SayNotFound()
    {
        var (database, cards, clock, n) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var actions = new CardActions(new CardCommand(database.Factory(), clock, NullLogger<CardCommand>.Instance));
        var details = new CardDetailsQuery(database.Factory(), clock, NullLogger<CardDetailsQuery>.Instance);

        var result = await actions.ExecuteAsync(n["roads"], null, cards.WaterStaff, CardAction.Comment, new CardActionInput { Text = "Чужа картка" }, TestContext.Current.CancellationToken);

        Assert.Equal(CardCommandErrors.NotFound, result.Error);
        Assert.Null(await details.HandleAsync(n["roads"], cards.WaterStaff, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CardActions_FromProposalToClosure_FollowTheRegulation()
    {
        var (database, cards, clock, n) = await ArrangeAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        var actions = new CardActions(new CardCommand(database.Factory(), clock, NullLogger<CardCommand>.Instance));
        var details = new CardDetailsQuery(database.Factory(), clock, NullLogger<CardDetailsQuery>.Instance);
        var number = n["fresh"];

        Assert.True((await actions.ExecuteAsync(number, null, cards.WaterStaff, CardAction.ProposeClosure, new CardActionInput { Text = "Воду подано", Result = AppealResult.ResolvedPositively }, TestContext.Current.CancellationToken)).IsSuccess);
        var proposed = (await details.HandleAsync(number, Cards.Operator, TestContext.Current.CancellationToken))!;
        Assert.Contains(CardAction.DecideRequests, proposed.Actions);
        var decided = await actions.ExecuteAsync(number, proposed.Card.Version, Cards.Operator, CardAction.DecideRequests, new CardActionInput { RequestId = proposed.Card.Requests.Single().Id, Approve = true }, TestContext.Current.CancellationToken);

        Assert.True(decided.IsSuccess);
        var closed = (await details.HandleAsync(number, Cards.Operator, TestContext.Current.CancellationToken))!.Card;
        Assert.Equal(AppealStatus.Closed, closed.Status);
        Assert.Equal(AppealResult.ResolvedPositively, closed.Result);
        Assert.Equal("Воду подано", closed.Resolution);
    }
}
