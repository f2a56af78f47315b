using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Control;

public sealed record PendingRequestRow(string Number, RequestKind Kind, string RequestedByName, DateTimeOffset RequestedAt, string Justification, string ExecutorName, DateTimeOffset DueAt, int ProofCount);

public sealed record ControlCardRow(string Number, string ProblemName, string ProblemAddress, AppealStatus Status, DepartmentControlReason? Reason, DateTimeOffset RegisteredAt, DateTimeOffset DueAt, string ExecutorName);

public sealed record SampleRow(string Number, string ProblemName, string ProblemAddress, string ExecutorName, DateTimeOffset ClosedAt, int Photos);

public sealed record BlockRow(Guid Id, string? Phone, string? Email, string Reason, string BlockedByName, DateTimeOffset BlockedAt);

public sealed record RefusalRow(DateTimeOffset At, Channel Channel, RefusalReason Reason, string? Phone, string? Email, string Explanation);

public sealed record CheckSummary(int Confirmed, int PartlyDone, int NotConfirmed);

/// <summary>
/// The Department's control (§2.4, §4.1, §2.5): executors' requests waiting for a decision, a random sample of closed
/// cards to check, the cards on its own control, and blocked applicants. Only the Department sees it.
/// </summary>
public sealed class ControlQueries(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    public const int SampleSize = 10;

    public async Task<IReadOnlyList<PendingRequestRow>> PendingRequestsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.Set<ExecutorRequest>().AsNoTracking()
                where r.State == RequestState.Pending
                join a in db.Appeals.AsNoTracking() on EF.Property<Guid>(r, "AppealId") equals a.Id
                join e in db.Executors.AsNoTracking() on a.ExecutorId equals e.Id
                select new { a.Number, r.Kind, r.RequestedByName, r.RequestedAt, r.Justification, ExecutorName = e.ShortName, a.DueAt, r.AttachmentIds })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.RequestedAt)
            .Select(r => new PendingRequestRow(r.Number!, r.Kind, r.RequestedByName, r.RequestedAt, r.Justification, r.ExecutorName ?? string.Empty, r.DueAt, r.AttachmentIds.Count))
            .ToList();
    }

    /// <summary>§4.1: conflicts and repeats stay on the Department's control until the applicant confirms.</summary>
    public async Task<IReadOnlyList<ControlCardRow>> OnControlAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Appeals.AsNoTracking()
            .Where(a => a.OnDepartmentControl)
            .OrderBy(a => a.DueAt)
            .Take(500)
            .Select(a => new ControlCardRow(
                a.Number!,
                db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
                a.ProblemAddress,
                a.Status,
                a.DepartmentControlReason,
                a.RegisteredAt,
                a.DueAt,
                db.Executors.Where(e => e.Id == a.ExecutorId).Select(e => e.ShortName).FirstOrDefault() ?? string.Empty))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// §2.4: a sample check of the work done. The sample is drawn from cards closed in the last <paramref name="days"/>
    /// days and not checked yet; it is the same all day (seeded by the date), so two operators see one sample.
    /// </summary>
    public async Task<IReadOnlyList<SampleRow>> SampleAsync(Actor actor, int days = 7, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-days);
        var candidates = await db.Appeals.AsNoTracking()
            .Where(a => a.Status == AppealStatus.Closed && a.ClosedAt >= since && !a.Checks.Any())
            .OrderBy(a => a.Number)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var random = new Random(DateOnly.FromDateTime(now.UtcDateTime).DayNumber);
        var picked = candidates.OrderBy(_ => random.Next()).Take(SampleSize).ToList();
        return await db.Appeals.AsNoTracking()
            .Where(a => picked.Contains(a.Id))
            .OrderBy(a => a.ClosedAt)
            .Select(a => new SampleRow(
                a.Number!,
                db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
                a.ProblemAddress,
                db.Executors.Where(e => e.Id == a.ExecutorId).Select(e => e.ShortName).FirstOrDefault() ?? string.Empty,
                a.ClosedAt!.Value,
                a.Attachments.Count(f => f.ContentType.StartsWith("image/"))))
            .ToListAsync(cancellationToken);
    }

    public async Task<CheckSummary> ChecksSinceAsync(Actor actor, int days = 30, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return new CheckSummary(0, 0, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-days);
        var results = await db.Appeals.AsNoTracking()
            .SelectMany(a => a.Checks)
            .Where(c => c.CheckedAt >= since)
            .GroupBy(c => c.Result)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(QualityCheckResult result) => results.FirstOrDefault(r => r.Key == result)?.Count ?? 0;
        return new CheckSummary(Of(QualityCheckResult.Confirmed), Of(QualityCheckResult.PartlyDone), Of(QualityCheckResult.NotConfirmed));
    }

    public async Task<IReadOnlyList<BlockRow>> BlocksAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApplicantBlocks.AsNoTracking()
            .Where(b => b.LiftedAt == null)
            .OrderByDescending(b => b.BlockedAt)
            .Select(b => new BlockRow(b.Id, b.Phone, b.Email, b.Reason, b.BlockedByName, b.BlockedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RefusalRow>> RefusalsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsDepartment)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RegistrationRefusals.AsNoTracking()
            .OrderByDescending(r => r.RefusedAt)
            .Take(50)
            .Select(r => new RefusalRow(r.RefusedAt, r.Channel, r.Reason, r.Phone, r.Email, r.Explanation))
            .ToListAsync(cancellationToken);
    }
}
