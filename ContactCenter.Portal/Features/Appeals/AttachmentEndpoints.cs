using System.Security.Claims;
using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Appeals;

public static class AttachmentEndpoints
{
    /// <summary>
    /// Downloads a card's file for those who may see the card. Anyone else gets 404, as for a file that does not exist,
    /// so a card of another executor does not reveal itself.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{attachmentId:guid}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid attachmentId,
        ClaimsPrincipal user,
        HttpContext http,
        [FromServices] IDbContextFactory<ContactCenterDbContext> dbFactory,
        [FromServices] AttachmentStore store,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var actor = PortalClaims.ToActor(user);
        if (actor is null)
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var card = await db.Appeals.AsNoTracking()
            .Include(a => a.Attachments)
            .Where(a => a.Attachments.Any(x => x.Id == attachmentId))
            .FirstOrDefaultAsync(cancellationToken);
        if (card is null || !CardAccess.CanView(actor, card))
        {
            return TypedResults.NotFound();
        }

        var attachment = card.Attachments.Single(x => x.Id == attachmentId);
        var stream = await store.OpenReadAsync(attachment.StoredName);
        if (stream is null)
        {
            loggers.CreateLogger(typeof(AttachmentEndpoints)).LogError(
                "File {StoredName} of attachment {AttachmentId} on card {Number} is missing from the store", attachment.StoredName, attachmentId, card.Number);
            return TypedResults.NotFound();
        }

        // Images open in the browser; everything else is saved.
        return StoredFileDownload.Send(http, stream, attachment.FileName, attachment.ContentType, inline: attachment.IsImage, enableRangeProcessing: true);
    }
}
