using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Mail;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Deadlines;

/// <summary>
/// Repair works past their planned end and still open are flagged to their executor (§3.1: the executor closes the
/// card of repair works when they are finished; §3.2: the person who registered them answers for the data). The
/// executor's responsible persons get a letter, written in the same transaction as the flag, once per planned end.
/// </summary>
public sealed class FlagOverrunRepairWorks(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<FlagOverrunRepairWorks> logger)
{
    public const int Batch = 100;

    /// <summary>Flags up to <see cref="Batch"/> works; returns how many were flagged.</summary>
    public async Task<int> FlagAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var works = await db.RepairWorks
            .Where(w => (w.Status == RepairWorkStatus.Planned || w.Status == RepairWorkStatus.InProgress) && w.OverrunFlaggedAt == null && w.PlannedEnd < now)
            .OrderBy(w => w.PlannedEnd)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var flagged = works.Where(w => w.FlagOverrun(now)).ToList();
        if (flagged.Count == 0)
        {
            return 0;
        }

        var executorIds = flagged.Select(w => w.ExecutorId).Distinct().ToList();
        var responsible = nameof(Role.ExecutorResponsible);
        var people = await (from user in db.Users.AsNoTracking()
                            join link in db.UserRoles on user.Id equals link.UserId
                            join role in db.Roles on link.RoleId equals role.Id
                            where role.Name == responsible && user.IsActive && user.Email != null && user.ExecutorId != null && executorIds.Contains(user.ExecutorId.Value)
                            select new { ExecutorId = user.ExecutorId!.Value, Email = user.Email! }).ToListAsync(cancellationToken);
        foreach (var work in flagged)
        {
            var subject = $"Ремонтні роботи не закрито: {(work.Description.Length > 150 ? work.Description[..150] + "…" : work.Description)}";
            var body = string.Join('\n',
                "Доброго дня!",
                string.Empty,
                $"Ремонтні роботи ({UtilityServiceNames.Of(work.Service)}) «{work.Description}» за адресами: {string.Join("; ", work.Addresses)}",
                $"мали завершитися {KyivTime.Format(work.PlannedEnd)}, але картку ремонтних робіт не закрито.",
                "Якщо роботи завершено — закрийте картку в розділі «Ремонтні роботи»; якщо тривають — зазначте новий очікуваний час завершення,",
                "щоб оператори Контакт-Центру повідомляли мешканцям правильні строки (п. 3.1 Регламенту).",
                string.Empty,
                "Контакт-Центр");
            foreach (var to in people.Where(p => p.ExecutorId == work.ExecutorId).Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                db.OutgoingMails.Add(OutgoingMail.Create(to, subject, body, "repair-overrun", null, now));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The executor changed the works meanwhile; whatever is still overrun is flagged on the next round.
            return 0;
        }

        logger.LogInformation("Flagged {Count} repair works past their planned end", flagged.Count);
        return flagged.Count;
    }
}
