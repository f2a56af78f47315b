using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Appeals;

/// <summary>One file to attach to a card, as the upload gives it.</summary>
public sealed record AddAttachmentCommand(
    string RegistrationNumber,
    int? SeenVersion,
    Stream Content,
    string FileName,
    long DeclaredLength,
    bool IsPublic);

/// <summary>
/// §3.1: the executor uploads documents and photos proving the work. The file is checked and stored first, then the
/// card records it; if the card refuses or cannot be saved, the stored file is removed, so there is never a file
/// without its card entry nor an entry without its file.
/// </summary>
public sealed class AddAttachment(
    IDbContextFactory<ContactCenterDbContext> dbFactory,
    AttachmentStore store,
    CardCommand cardCommand,
    ILogger<AddAttachment> logger)
{
    /// <summary>
    /// The Department's own system account, for the files a citizen sends with the web form (§2.1): the Department
    /// receives web appeals, so the files are recorded as received by it, and the form needs no signed-in person.
    /// </summary>
    public static readonly Actor WebFormActor = new(Actor.System.Id, "Система (веб-форма)", Role.Operator);

    public async Task<Result<Guid>> HandleAsync(AddAttachmentCommand command, Actor? actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (actor is null)
        {
            return CardCommandErrors.NotSignedIn;
        }

        // Refuse what is known to fail before the upload is read and written.
        var limits = await store.GetLimitsAsync(cancellationToken);
        var precheck = await PrecheckAsync(command, actor, limits, cancellationToken);
        if (precheck.IsFailure)
        {
            return precheck.Error;
        }

        var saved = await store.SaveAsync(command.Content, command.FileName, command.DeclaredLength, command.IsPublic, cancellationToken);
        if (saved.IsFailure)
        {
            return saved.Error;
        }

        var info = saved.Value;
        var attachmentId = Guid.Empty;
        Result result;
        try
        {
            result = await cardCommand.ExecuteAsync(command.RegistrationNumber, command.SeenVersion, actor, (card, a, now) =>
            {
                // Checked again on the loaded card: another upload may have landed meanwhile.
                if (card.Attachments.Count >= limits.MaxPerCard)
                {
                    return FileErrors.TooManyFiles(limits.MaxPerCard);
                }

                var added = card.AddAttachment(a, now, info);
                if (added.IsSuccess)
                {
                    attachmentId = added.Value;
                }

                return added;
            }, CancellationToken.None);
        }
        catch
        {
            await store.DeleteAsync(info.StoredName);
            throw;
        }

        if (result.IsFailure)
        {
            await store.DeleteAsync(info.StoredName);
            return result.Error;
        }

        logger.LogInformation("{Actor} attached {StoredName} ({Size} bytes) to {Number}", actor.Id, info.StoredName, info.Size, command.RegistrationNumber);
        return attachmentId;
    }

    private async Task<Result> PrecheckAsync(AddAttachmentCommand command, Actor actor, AttachmentLimits limits, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var card = await db.Appeals.AsNoTracking()
            .Where(a => a.Number == command.RegistrationNumber)
            .Select(a => new { a.ExecutorId, a.DirectionId, a.Version, Count = a.Attachments.Count() })
            .FirstOrDefaultAsync(cancellationToken);
        if (card is null || !CardAccess.ScopeOf(actor).Includes(card.ExecutorId, card.DirectionId))
        {
            return CardCommandErrors.NotFound;
        }

        if (command.SeenVersion is { } seen && seen != card.Version)
        {
            return CardCommandErrors.Stale;
        }

        return card.Count >= limits.MaxPerCard ? FileErrors.TooManyFiles(limits.MaxPerCard) : Result.Success();
    }
}
