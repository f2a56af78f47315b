using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.RepairWorks;

public sealed class LinkRepairWorkTests
{
    [Fact]
    public async Task LinkRepairWork_FromTheCardPage_LinksWorksAtTheAddressAndRefusesUnrelatedOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var cards = new Cards();
        var roadsStaff = new Domain.Common.Actor("r-1", "Працівник Благоустрою", Domain.Common.Role.ExecutorResponsible, cards.Roads.Id);
        var atAddress = RepairWork.RegisterEmergency(roadsStaff, Cards.Now, cards.Roads.Id, UtilityService.Roads, "Провал асфальту", ["вул. Соборна"], Cards.Now, Cards.Now.AddHours(5)).Value;
        var elsewhere = RepairWork.RegisterEmergency(roadsStaff, Cards.Now, cards.Roads.Id, UtilityService.Roads, "Ремонт мосту", ["вул. Гоголя"], Cards.Now, Cards.Now.AddHours(5)).Value;
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            db.RepairWorks.AddRange(atAddress, elsewhere);
            await db.SaveChangesAsync(ct);
            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, ct)).ToString();
        }

        var factory = database.Factory();
        var clock = new FakeTimeProvider(Cards.Now.AddMinutes(30));
        var actions = new CardActions(new CardCommand(factory, clock, NullLogger<CardCommand>.Instance));
        var query = new CardDetailsQuery(factory, clock, NullLogger<CardDetailsQuery>.Instance);

        var details = await query.HandleAsync(number, cards.WaterStaff, ct);
        Assert.NotNull(details);
        Assert.Contains(CardAction.LinkRepairWork, details.Actions);
        Assert.Equal([atAddress.Id], details.LinkableWorks.Select(w => w.Id));

        var refused = await actions.ExecuteAsync(number, null, cards.WaterStaff, CardAction.LinkRepairWork, new CardActionInput { RepairWorkId = elsewhere.Id }, ct);
        var linked = await actions.ExecuteAsync(number, null, cards.WaterStaff, CardAction.LinkRepairWork, new CardActionInput { RepairWorkId = atAddress.Id }, ct);

        Assert.Equal(CardActionErrors.RepairWorkNotLinkable, refused.Error);
        Assert.True(linked.IsSuccess, linked.IsFailure ? linked.Error.Message : null);
        var after = await query.HandleAsync(number, cards.WaterStaff, ct);
        Assert.Equal([atAddress.Id], after!.LinkedWorks.Select(w => w.Id));
        Assert.Empty(after.LinkableWorks);
        Assert.Contains(after.Card.Timeline, e => e.Kind == TimelineKind.RepairWorkLinked && e.Text.Contains("вул. Соборна"));
    }
}
