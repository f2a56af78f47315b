using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Realtime;

/// <summary>
/// Live card events for clients other than the portal's own circuits (design decision 6). Signed in by the portal's
/// cookie; each connection joins the groups of what its person may see: their executor, their directions, or the
/// Department (every event). A client that reconnects calls <see cref="CatchUp"/> with the last sequence it saw.
/// </summary>
[Authorize]
public sealed class CardsHub(IDbContextFactory<ContactCenterDbContext> dbFactory) : Hub
{
    public const string Path = "/hubs/cards";
    public const string CardChanged = "CardChanged";
    public const string DepartmentGroup = "department";
    public const int CatchUpLimit = 1000;

    public static string ExecutorGroup(Guid executorId) => $"executor:{executorId}";

    public static string DirectionGroup(Guid directionId) => $"direction:{directionId}";

    public override async Task OnConnectedAsync()
    {
        var actor = PortalClaims.ToActor(Context.User!);
        var scope = actor is null ? CardScope.Nothing : CardAccess.ScopeOf(actor);
        var groups = scope.Kind switch
        {
            CardScopeKind.All => [DepartmentGroup],
            CardScopeKind.Executor => [ExecutorGroup(scope.ExecutorId!.Value)],
            CardScopeKind.Directions => scope.DirectionIds.Select(DirectionGroup).ToArray(),
            _ => Array.Empty<string>(),
        };
        foreach (var group in groups)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Every event after <paramref name="afterSequence"/> this person may see, in order (at most <see cref="CatchUpLimit"/>).</summary>
    public async Task<IReadOnlyList<CardEvent>> CatchUp(long afterSequence)
    {
        var actor = PortalClaims.ToActor(Context.User!);
        if (actor is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        var events = new List<CardEvent>();
        var from = afterSequence;
        while (events.Count < CatchUpLimit)
        {
            var batch = await db.OutboxEvents.AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(CatchUpLimit).ToListAsync(Context.ConnectionAborted);
            if (batch.Count == 0)
            {
                break;
            }

            events.AddRange(batch.Select(CardEvent.From).Where(e => e.IsFor(actor)));
            from = batch[^1].Sequence;
        }

        return events.Take(CatchUpLimit).ToList();
    }
}
