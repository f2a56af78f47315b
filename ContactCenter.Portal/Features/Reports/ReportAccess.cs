using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Who may open which report, as one query filter for the list, the badge and the download alike (checked on the
/// server every time, never by hiding links): the Department, the manager of affairs and the mayor all of them; an
/// executor's people those of their own executor; a deputy those of the directions they curate and of those
/// directions' executors; and anyone the reports addressed to them.
/// </summary>
public static class ReportAccess
{
    public static IQueryable<ArchivedReport> VisibleTo(ContactCenterDbContext db, Actor actor)
    {
        var reports = db.Reports.AsQueryable();
        if (actor.IsDepartment || actor.Role is Role.Manager or Role.Mayor)
        {
            return reports;
        }

        var userId = actor.Id;
        var addressed = db.ReportRecipients.Where(r => r.UserId == userId).Select(r => r.ReportId);
        if (actor.IsExecutorStaff && actor.ExecutorId is { } executorId)
        {
            return reports.Where(r => (r.ScopeKind == ScopeKind.Executor && r.ScopeId == executorId) || addressed.Contains(r.Id));
        }

        if (actor.Role == Role.Deputy)
        {
            var directions = (actor.DirectionIds ?? []).ToList();
            var executors = db.Executors.Where(e => directions.Contains(e.DirectionId)).Select(e => e.Id);
            return reports.Where(r =>
                (r.ScopeKind == ScopeKind.Direction && directions.Contains(r.ScopeId))
                || (r.ScopeKind == ScopeKind.Executor && executors.Contains(r.ScopeId))
                || addressed.Contains(r.Id));
        }

        return reports.Where(r => addressed.Contains(r.Id));
    }
}
