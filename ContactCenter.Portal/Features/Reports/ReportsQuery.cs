using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>What the archive is filtered by; every part optional. Dates are local (Kyiv) days the period starts in.</summary>
public sealed record ReportFilter(ReportKind? Kind = null, ScopeKind? Scope = null, DateOnly? From = null, DateOnly? To = null, bool UnreadOnly = false, int Skip = 0, int Take = 25);

public sealed record ReportRow(
    Guid Id,
    ReportKind Kind,
    string Title,
    ScopeKind ScopeKind,
    string ScopeName,
    string Period,
    ReportStatus Status,
    DateTimeOffset? BuiltAt,
    long Size,
    ReportOrigin Origin,
    string RequestedByName,
    bool Unread);

public sealed record ReportPage(IReadOnlyList<ReportRow> Rows, int Total);

/// <summary>A retention run as the administrator reads it.</summary>
public sealed record RetentionRow(DateTimeOffset RanAt, DateTimeOffset ClosedBefore, int CardsRemoved, int FilesRemoved);

/// <summary>The archive as a person may see it (<see cref="ReportAccess"/>), newest period first, and their unread count for the badge.</summary>
public sealed class ReportsQuery(IDbContextFactory<ContactCenterDbContext> dbFactory)
{
    public async Task<ReportPage> ListAsync(Actor actor, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await ReportingZone.GetAsync(db, cancellationToken);
        var query = ReportAccess.VisibleTo(db, actor).AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (filter.Scope is { } scope)
        {
            query = query.Where(r => r.ScopeKind == scope);
        }

        if (filter.From is { } from)
        {
            var start = ReportingPeriod.Day(from, zone).From;
            query = query.Where(r => r.PeriodFrom >= start);
        }

        if (filter.To is { } to)
        {
            var end = ReportingPeriod.Day(to, zone).To;
            query = query.Where(r => r.PeriodFrom < end);
        }

        var userId = actor.Id;
        var unread = db.ReportRecipients.Where(x => x.UserId == userId && x.ReadAt == null).Select(x => x.ReportId);
        if (filter.UnreadOnly)
        {
            query = query.Where(r => unread.Contains(r.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(r => r.PeriodFrom).ThenBy(r => r.Kind).ThenBy(r => r.ScopeName)
            .Skip(Math.Max(0, filter.Skip))
            .Take(Math.Clamp(filter.Take, 1, 200))
            .Select(r => new
            {
                r.Id, r.Kind, r.Title, r.ScopeKind, r.ScopeName, r.PeriodKind, r.PeriodFrom, r.PeriodTo, r.Status, r.BuiltAt, r.Size, r.Origin, r.RequestedByName,
                Unread = unread.Contains(r.Id),
            })
            .ToListAsync(cancellationToken);
        return new ReportPage(
            rows.Select(r => new ReportRow(r.Id, r.Kind, r.Title, r.ScopeKind, r.ScopeName, ReportNames.Period(r.PeriodKind, r.PeriodFrom, r.PeriodTo, zone), r.Status, r.BuiltAt, r.Size, r.Origin, r.RequestedByName, r.Unread)).ToList(),
            total);
    }

    /// <summary>The badge: ready reports addressed to the person and not downloaded yet.</summary>
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userId = actor.Id;
        return await db.ReportRecipients.AsNoTracking()
            .Where(x => x.UserId == userId && x.ReadAt == null)
            .Join(db.Reports.Where(r => r.Status == ReportStatus.Ready), x => x.ReportId, r => r.Id, (x, r) => x)
            .CountAsync(cancellationToken);
    }

    /// <summary>The retention log of §2.6, for the administrator only.</summary>
    public async Task<IReadOnlyList<RetentionRow>> RetentionAsync(Actor actor, int take = 10, CancellationToken cancellationToken = default)
    {
        if (actor.Role != Role.Admin)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetentionRuns.AsNoTracking()
            .OrderByDescending(r => r.RanAt)
            .Take(take)
            .Select(r => new RetentionRow(r.RanAt, r.ClosedBefore, r.CardsRemoved, r.FilesRemoved))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The executors and directions the Department picks a scope from when it builds a report on demand.</summary>
    public async Task<ScopeChoices> ScopeChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return new ScopeChoices([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var executors = await db.Executors.AsNoTracking().OrderBy(e => e.ShortName).Select(e => new ScopeChoice(e.Id, e.ShortName)).ToListAsync(cancellationToken);
        var directions = await db.Directions.AsNoTracking().OrderBy(d => d.Name).Select(d => new ScopeChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        return new ScopeChoices(executors, directions);
    }
}

public sealed record ScopeChoice(Guid Id, string Name);

public sealed record ScopeChoices(IReadOnlyList<ScopeChoice> Executors, IReadOnlyList<ScopeChoice> Directions);
