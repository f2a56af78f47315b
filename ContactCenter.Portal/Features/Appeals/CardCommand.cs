using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Appeals;

/// <summary>What a transition on the card needs besides the card: the people and things it refers to.</summary>
public sealed record CardCommandContext(ContactCenterDbContext Db, Actor Actor, DateTimeOffset Now, DeadlinePolicy Policy);

public static class CardCommandErrors
{
    public static readonly Error NotFound = new("Card.NotFound", "Картку з таким реєстраційним номером не знайдено.");
    public static readonly Error NotSignedIn = new("Card.NotSignedIn", "Увійдіть до системи, щоб працювати з картками.");
    public static readonly Error Stale = new(
        "Card.Stale",
        "Поки ви переглядали картку, її змінив інший користувач. Картку оновлено: перегляньте зміни та повторіть дію.");
}

/// <summary>
/// Runs one transition of the card for a person: loads the card, checks that this person may see it (an executor's
/// people only their own cards — by data, not by a hidden button), refuses if the card changed since the person saw
/// it, lets the domain decide, and saves. Every refusal is a named error with a Ukrainian message; nothing is saved.
/// </summary>
public sealed class CardCommand(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<CardCommand> logger)
{
    public async Task<Result> ExecuteAsync(
        string registrationNumber,
        int? seenVersion,
        Actor? actor,
        Func<Appeal, CardCommandContext, Task<Result>> transition,
        CancellationToken cancellationToken = default)
    {
        if (actor is null)
        {
            return CardCommandErrors.NotSignedIn;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var card = await CardStore.LoadAsync(db, registrationNumber, cancellationToken);
        if (card is null)
        {
            return CardCommandErrors.NotFound;
        }

        if (!CardAccess.CanView(actor, card))
        {
            // Said as "not found": a card of another executor does not reveal that it exists.
            logger.LogWarning("Refused: {Actor} ({Role}) acted on card {Number} of another executor", actor.Id, actor.Role, registrationNumber);
            return CardCommandErrors.NotFound;
        }

        if (seenVersion is { } version && version != card.Version)
        {
            return CardCommandErrors.Stale;
        }

        var policy = await WorkingCalendarStore.GetPolicyAsync(db, cancellationToken);
        var result = await transition(card, new CardCommandContext(db, actor, clock.GetUtcNow(), policy));
        if (result.IsFailure)
        {
            logger.LogInformation("Refused on {Number} to {Actor}: {Error}", registrationNumber, actor.Id, result.Error.Code);
            return result;
        }

        var saved = await CardStore.SaveChangesAsync(db, cancellationToken);
        return saved.IsFailure ? CardCommandErrors.Stale : saved;
    }

    /// <summary>The same for transitions that need nothing but the card, the actor and the time.</summary>
    public Task<Result> ExecuteAsync(string registrationNumber, int? seenVersion, Actor? actor, Func<Appeal, Actor, DateTimeOffset, Result> transition, CancellationToken cancellationToken = default) =>
        ExecuteAsync(registrationNumber, seenVersion, actor, (card, context) => Task.FromResult(transition(card, context.Actor, context.Now)), cancellationToken);
}
