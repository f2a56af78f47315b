using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>A person a report goes to: into their portal inbox, and by mail when they have an address.</summary>
public sealed record ReportAddressee(string UserId, string? Email);

/// <summary>Who receives a report. <see cref="ExtraEmails"/> are addresses without a portal account (an executor's head known only by mail).</summary>
public sealed record ReportAddressees(IReadOnlyList<ReportAddressee> Users, IReadOnlyList<string> ExtraEmails);

/// <summary>
/// The addressees of §4.1, looked up when the report is finished (so a person appointed yesterday gets today's):
/// the daily report to the executor's head and responsible persons; the weekly one to the direction's deputy and its
/// executors' heads; the monthly one to the deputies and the manager of affairs; the analytical note to the mayor;
/// the unresolved cards to the deputies and the manager; the state statistics to the Department. A report asked for
/// on demand goes to whoever asked, and a letter to a head also to that head.
/// </summary>
public static class ReportRecipients
{
    public static async Task<ReportAddressees> ResolveAsync(ContactCenterDbContext db, ReportRun run, string? requestedById, CancellationToken cancellationToken)
    {
        var users = new Dictionary<string, ReportAddressee>();
        var extra = new List<string>();
        var scopeId = run.Scope.Id;

        async Task AddRoleAsync(Role role, Guid? executorId = null, IReadOnlyCollection<Guid>? executorsOf = null)
        {
            var name = role.ToString();
            var query = from user in db.Users.AsNoTracking()
                        join link in db.UserRoles on user.Id equals link.UserId
                        join r in db.Roles on link.RoleId equals r.Id
                        where r.Name == name && user.IsActive
                        select user;
            if (executorId is { } id)
            {
                query = query.Where(u => u.ExecutorId == id);
            }

            if (executorsOf is not null)
            {
                query = query.Where(u => u.ExecutorId != null && executorsOf.Contains(u.ExecutorId.Value));
            }

            foreach (var user in await query.Select(u => new ReportAddressee(u.Id, u.Email)).ToListAsync(cancellationToken))
            {
                users.TryAdd(user.UserId, user);
            }
        }

        async Task AddDeputyOfAsync(Guid directionId)
        {
            var deputy = await (from d in db.Directions.AsNoTracking()
                                join user in db.Users on d.DeputyUserId equals user.Id
                                where d.Id == directionId && user.IsActive
                                select new ReportAddressee(user.Id, user.Email)).FirstOrDefaultAsync(cancellationToken);
            if (deputy is not null)
            {
                users.TryAdd(deputy.UserId, deputy);
            }
        }

        async Task AddHeadsAsync(Guid executorId, bool withResponsible)
        {
            await AddRoleAsync(Role.ExecutorHead, executorId);
            var hasHeadAccount = users.Count > 0;
            if (withResponsible)
            {
                await AddRoleAsync(Role.ExecutorResponsible, executorId);
            }

            // A head without a portal account still gets the report by mail at the address the executor's card gives.
            if (!hasHeadAccount)
            {
                var mail = await db.Executors.AsNoTracking().Where(e => e.Id == executorId).Select(e => e.HeadEmail).FirstOrDefaultAsync(cancellationToken);
                if (!string.IsNullOrWhiteSpace(mail))
                {
                    extra.Add(mail.Trim());
                }
            }
        }

        if (requestedById is not null)
        {
            var asker = await db.Users.AsNoTracking().Where(u => u.Id == requestedById).Select(u => new ReportAddressee(u.Id, u.Email)).FirstOrDefaultAsync(cancellationToken);
            if (asker is not null)
            {
                users.TryAdd(asker.UserId, asker);
            }

            if (run.Kind == ReportKind.HeadLetter && run.Scope.Kind == ScopeKind.Executor && scopeId is { } headOf)
            {
                var before = users.Count;
                await AddRoleAsync(Role.ExecutorHead, headOf);
                if (users.Count == before)
                {
                    var mail = await db.Executors.AsNoTracking().Where(e => e.Id == headOf).Select(e => e.HeadEmail).FirstOrDefaultAsync(cancellationToken);
                    if (!string.IsNullOrWhiteSpace(mail))
                    {
                        extra.Add(mail.Trim());
                    }
                }
            }

            return new ReportAddressees(users.Values.ToList(), extra);
        }

        switch (run.Kind, run.Scope.Kind)
        {
            case (ReportKind.DailyCompliance, ScopeKind.Executor) when scopeId is { } executorId:
                await AddHeadsAsync(executorId, withResponsible: true);
                break;
            case (ReportKind.WeeklyCompliance, ScopeKind.Direction) when scopeId is { } directionId:
                await AddDeputyOfAsync(directionId);
                var executors = await db.Executors.AsNoTracking().Where(e => e.DirectionId == directionId).Select(e => e.Id).ToListAsync(cancellationToken);
                await AddRoleAsync(Role.ExecutorHead, executorsOf: executors);
                break;
            case (ReportKind.MonthlyCompliance, ScopeKind.Direction) when scopeId is { } directionId:
                await AddDeputyOfAsync(directionId);
                await AddRoleAsync(Role.Manager);
                break;
            case (ReportKind.MonthlyCompliance, ScopeKind.Community):
            case (ReportKind.WeeklyUnresolved, _):
                await AddRoleAsync(Role.Deputy);
                await AddRoleAsync(Role.Manager);
                break;
            case (ReportKind.AnalyticalNote, _):
                await AddRoleAsync(Role.Mayor);
                break;
            case (ReportKind.StateStatistics, _):
                await AddRoleAsync(Role.Operator);
                break;
        }

        return new ReportAddressees(users.Values.ToList(), extra);
    }
}
