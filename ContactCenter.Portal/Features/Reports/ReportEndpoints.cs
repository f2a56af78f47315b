using System.Security.Claims;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

public static class ReportEndpoints
{
    /// <summary>
    /// Downloads a report's file for those who may open it (<see cref="ReportAccess"/>); anyone else gets 404, as for a
    /// report that does not exist, so another executor's report does not reveal itself. The first download by an
    /// addressee marks it read, which clears it from their badge.
    /// </summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{reportId:guid}/file", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        Guid reportId,
        ClaimsPrincipal user,
        HttpContext http,
        [FromServices] IDbContextFactory<ContactCenterDbContext> dbFactory,
        [FromServices] ReportStore store,
        [FromServices] ReportInbox inbox,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var actor = PortalClaims.ToActor(user);
        if (actor is null)
        {
            return TypedResults.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await ReportAccess.VisibleTo(db, actor).AsNoTracking()
            .Where(r => r.Id == reportId && r.Status == ReportStatus.Ready)
            .Select(r => new { r.FileName, r.ContentType, r.StoredName })
            .FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }

        var stream = store.OpenRead(report.StoredName);
        if (stream is null)
        {
            loggers.CreateLogger(typeof(ReportEndpoints)).LogError("File {StoredName} of report {ReportId} is missing from the store", report.StoredName, reportId);
            return TypedResults.NotFound();
        }

        await inbox.MarkReadAsync(actor.Id, reportId, cancellationToken);
        return StoredFileDownload.Send(http, stream, report.FileName ?? "report", report.ContentType);
    }
}
