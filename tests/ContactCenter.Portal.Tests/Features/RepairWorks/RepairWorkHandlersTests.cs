using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.RepairWorks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.RepairWorks;

public sealed class RepairWorkHandlersTests : IAsyncLifetime
{
    private readonly Cards cards = new();
    private readonly FakeTimeProvider clock = new(Cards.Now);
    private TestDatabase database = null!;
    private IDbContextFactory<ContactCenterDbContext> factory = null!;

    private Actor WaterStaff => cards.WaterStaff;

    private Actor RoadsStaff => new("r-1", "Працівник Благоустрою", Role.ExecutorResponsible, cards.Roads.Id);

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        factory = database.Factory();
        await using var db = database.CreateContext();
        await cards.AddReferenceDataAsync(db);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private RegisterRepairWork Register() => new(factory, clock, NullLogger<RegisterRepairWork>.Instance);

    private RepairWorkCommand Command() => new(factory, clock, NullLogger<RepairWorkCommand>.Instance);

    private RepairWorksQuery Query() => new(factory, clock);

    private RegisterRepairWorkCommand Emergency(string address = "вул. Шевченка", Guid? executorId = null) =>
        new(RepairWorkKind.Emergency, executorId ?? cards.Water.Id, UtilityService.Water, "Порив водогону", [address], Cards.Now.AddMinutes(-20), Cards.Now.AddHours(6));

    [Fact]
    public async Task Register_PlannedWorksLessThanADayAhead_AreRefusedWithTheRegulationsMessageAndNothingSaved()
    {
        var command = new RegisterRepairWorkCommand(
            RepairWorkKind.Planned, cards.Water.Id, UtilityService.Water, "Заміна засувки", ["вул. Соборна"], Cards.Now.AddHours(23), Cards.Now.AddHours(30));

        var result = await Register().HandleAsync(command, WaterStaff, Ct);

        Assert.True(result.IsFailure);
        Assert.Equal(RepairWorkErrors.PlannedTooLate, result.Error);
        Assert.Contains("не пізніше ніж за добу до початку", result.Error.Message);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.RepairWorks.CountAsync(Ct));
    }

    [Fact]
    public async Task Register_PlannedWorksADayAhead_AreSavedAsPlanned()
    {
        var command = new RegisterRepairWorkCommand(
            RepairWorkKind.Planned, cards.Water.Id, UtilityService.Water, "Заміна засувки", ["вул. Соборна", ""], Cards.Now.AddDays(1), Cards.Now.AddDays(1).AddHours(8));

        var result = await Register().HandleAsync(command, WaterStaff, Ct);

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        await using var db = database.CreateContext();
        var work = await db.RepairWorks.SingleAsync(Ct);
        Assert.Equal(RepairWorkStatus.Planned, work.Status);
        Assert.Equal(["вул. Соборна"], work.Addresses);
    }

    [Fact]
    public async Task Register_AnEmergency_IsSavedUnderWayWithWhoRegisteredIt()
    {
        var result = await Register().HandleAsync(Emergency(), WaterStaff, Ct);

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        await using var db = database.CreateContext();
        var work = await db.RepairWorks.SingleAsync(w => w.Id == result.Value, Ct);
        Assert.Equal(RepairWorkKind.Emergency, work.Kind);
        Assert.Equal(RepairWorkStatus.InProgress, work.Status);
        Assert.Equal(Cards.Now.AddMinutes(-20), work.ActualStart);
        Assert.Equal(WaterStaff.Id, work.RegisteredById);
    }

    [Fact]
    public async Task Register_ByAnotherExecutorsStaff_IsRefused()
    {
        var result = await Register().HandleAsync(Emergency(), RoadsStaff, Ct);

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.RepairWorks.CountAsync(Ct));
    }

    [Fact]
    public async Task Register_Anonymous_IsRefused()
    {
        var result = await Register().HandleAsync(Emergency(), null, Ct);

        Assert.Equal(RepairWorkCommandErrors.NotSignedIn, result.Error);
    }

    [Fact]
    public async Task Complete_ByAnotherExecutor_IsRefusedAndTheWorksStayUnderWay()
    {
        var id = (await Register().HandleAsync(Emergency(), WaterStaff, Ct)).Value;
        clock.Advance(TimeSpan.FromHours(2));

        var result = await new CompleteRepairWork(Command()).HandleAsync(new CompleteRepairWorkCommand(id, "Готово"), RoadsStaff, Ct);

        Assert.Equal(RepairWorkErrors.NotAllowed, result.Error);
        await using var db = database.CreateContext();
        Assert.Equal(RepairWorkStatus.InProgress, (await db.RepairWorks.SingleAsync(Ct)).Status);
    }

    [Fact]
    public async Task Complete_ReturnsTheOpenCardsLinkedToTheWorks()
    {
        var id = (await Register().HandleAsync(Emergency("вул. Соборна"), WaterStaff, Ct)).Value;
        string open;
        string closed;
        await using (var db = database.CreateContext())
        {
            var first = cards.NewCard(Cards.Now.AddMinutes(1), phone: "0671111111");
            var second = cards.NewCard(Cards.Now.AddMinutes(2), phone: "0672222222");
            var unrelated = cards.NewCard(Cards.Now.AddMinutes(3), phone: "0673333333");
            open = (await CardStore.SaveNewAsync(db, first, cards.Policy, Ct)).ToString();
            closed = (await CardStore.SaveNewAsync(db, second, cards.Policy, Ct)).ToString();
            await CardStore.SaveNewAsync(db, unrelated, cards.Policy, Ct);
            Assert.True(first.LinkRepairWork(WaterStaff, Cards.Now.AddMinutes(5), id, "Порив").IsSuccess);
            Assert.True(second.LinkRepairWork(WaterStaff, Cards.Now.AddMinutes(5), id, "Порив").IsSuccess);
            Assert.True(second.Close(Cards.Operator, Cards.Now.AddMinutes(6), AppealResult.Explained, "Роз'яснено").IsSuccess);
            Assert.True((await CardStore.SaveChangesAsync(db, Ct)).IsSuccess);
        }

        clock.Advance(TimeSpan.FromHours(3));
        var result = await new CompleteRepairWork(Command()).HandleAsync(new CompleteRepairWorkCommand(id, "Водогін відремонтовано"), WaterStaff, Ct);

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        var reminder = Assert.Single(result.Value);
        Assert.Equal(open, reminder.Number);
        Assert.NotEqual(closed, reminder.Number);
        await using var check = database.CreateContext();
        var work = await check.RepairWorks.SingleAsync(Ct);
        Assert.Equal(RepairWorkStatus.Completed, work.Status);
        Assert.Equal(Cards.Now.AddHours(3), work.ActualEnd);
        Assert.Equal("Водогін відремонтовано", work.ClosingNote);
    }

    [Fact]
    public async Task Start_Extend_Reschedule_Cancel_RunThroughTheDomainAndSave()
    {
        var planned = new RegisterRepairWorkCommand(
            RepairWorkKind.Planned, cards.Water.Id, UtilityService.Water, "Промивка мереж", ["вул. Соборна"], Cards.Now.AddDays(2), Cards.Now.AddDays(2).AddHours(6));
        var first = (await Register().HandleAsync(planned, WaterStaff, Ct)).Value;
        var second = (await Register().HandleAsync(planned, Cards.Operator, Ct)).Value;

        var moved = await new RescheduleRepairWork(Command()).HandleAsync(new RescheduleRepairWorkCommand(first, Cards.Now.AddDays(3), Cards.Now.AddDays(3).AddHours(4)), WaterStaff, Ct);
        Assert.True(moved.IsSuccess, moved.IsFailure ? moved.Error.Message : null);
        clock.Advance(TimeSpan.FromDays(3));
        Assert.True((await new StartRepairWork(Command()).HandleAsync(new StartRepairWorkCommand(first), WaterStaff, Ct)).IsSuccess);
        Assert.True((await new ExtendRepairWork(Command()).HandleAsync(new ExtendRepairWorkCommand(first, Cards.Now.AddDays(3).AddHours(9)), WaterStaff, Ct)).IsSuccess);
        var cancelled = await new CancelRepairWork(Command()).HandleAsync(new CancelRepairWorkCommand(second, ""), WaterStaff, Ct);
        Assert.Equal(RepairWorkErrors.CancelReasonRequired, cancelled.Error);
        Assert.True((await new CancelRepairWork(Command()).HandleAsync(new CancelRepairWorkCommand(second, "Погодні умови"), WaterStaff, Ct)).IsSuccess);

        await using var db = database.CreateContext();
        var started = await db.RepairWorks.SingleAsync(w => w.Id == first, Ct);
        Assert.Equal(RepairWorkStatus.InProgress, started.Status);
        Assert.Equal(Cards.Now.AddDays(3).AddHours(9), started.PlannedEnd);
        Assert.Equal(RepairWorkStatus.Cancelled, (await db.RepairWorks.SingleAsync(w => w.Id == second, Ct)).Status);
    }

    [Fact]
    public async Task Command_OnAVersionAlreadyChanged_IsRefusedWithTheConflictMessage()
    {
        var id = (await Register().HandleAsync(Emergency(), WaterStaff, Ct)).Value;
        int version;
        await using (var db = database.CreateContext())
        {
            version = (await db.RepairWorks.SingleAsync(Ct)).Version;
        }

        Assert.True((await new ExtendRepairWork(Command()).HandleAsync(new ExtendRepairWorkCommand(id, Cards.Now.AddHours(8), version), WaterStaff, Ct)).IsSuccess);
        var second = await new ExtendRepairWork(Command()).HandleAsync(new ExtendRepairWorkCommand(id, Cards.Now.AddHours(10), version), Cards.Operator, Ct);

        Assert.Equal(RepairWorkCommandErrors.Conflict, second.Error);
    }

    [Fact]
    public async Task Query_ByStreet_FindsAWorkOnTheStreetForABuildingOnIt()
    {
        await Register().HandleAsync(Emergency("вул. Шевченка"), WaterStaff, Ct);
        await Register().HandleAsync(Emergency("вул. Гоголя"), WaterStaff, Ct);

        var byBuilding = await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Active, "вулиця Шевченка, 12"), RoadsStaff, Ct);
        var byPart = await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Active, "шевч"), RoadsStaff, Ct);
        var other = await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Active, "вул. Соборна, 3"), RoadsStaff, Ct);

        var row = Assert.Single(byBuilding);
        Assert.Equal(["вул. Шевченка"], row.Addresses);
        Assert.Equal(cards.Water.Name, row.ExecutorName);
        Assert.False(row.MayChange);
        Assert.Single(byPart);
        Assert.Empty(other);
    }

    [Fact]
    public async Task Query_SplitsActivePlannedAndFinished_AndFiltersByServiceAndExecutor()
    {
        var emergency = (await Register().HandleAsync(Emergency(), WaterStaff, Ct)).Value;
        var planned = new RegisterRepairWorkCommand(
            RepairWorkKind.Planned, cards.Roads.Id, UtilityService.Roads, "Ямковий ремонт", ["вул. Соборна"], Cards.Now.AddDays(2), Cards.Now.AddDays(2).AddHours(6));
        await Register().HandleAsync(planned, RoadsStaff, Ct);
        var finished = (await Register().HandleAsync(Emergency("вул. Гоголя"), WaterStaff, Ct)).Value;
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await new CompleteRepairWork(Command()).HandleAsync(new CompleteRepairWorkCommand(finished, "Готово"), WaterStaff, Ct)).IsSuccess);

        var active = await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Active), Cards.Operator, Ct);
        var upcoming = await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Planned), WaterStaff, Ct);
        var done = await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Finished), WaterStaff, Ct);

        Assert.Equal([emergency], active.Select(r => r.Id));
        Assert.True(active[0].MayChange);
        Assert.Equal(UtilityService.Roads, Assert.Single(upcoming).Service);
        Assert.False(upcoming[0].MayChange);
        Assert.Equal([finished], done.Select(r => r.Id));
        Assert.Empty(await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Planned, Service: UtilityService.Water), WaterStaff, Ct));
        Assert.Empty(await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Active, ExecutorId: cards.Roads.Id), WaterStaff, Ct));
        Assert.Empty(await Query().HandleAsync(new RepairWorksRequest(RepairWorksView.Active), null, Ct));
    }
}
