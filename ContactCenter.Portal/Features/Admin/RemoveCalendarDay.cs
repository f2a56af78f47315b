using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record RemoveCalendarDayCommand(DateOnly Date);

/// <summary>The date follows the ordinary Monday–Friday week again.</summary>
public sealed class RemoveCalendarDay(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<RemoveCalendarDay> logger)
{
    public async Task<AdminResult> HandleAsync(RemoveCalendarDayCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Calendar change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == command.Date, cancellationToken);
        if (row is null)
        {
            return AdminErrors.NotFound;
        }

        db.CalendarDays.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Calendar day {Date} ({Kind} «{Name}») removed by {Actor} ({ActorName})", row.Date, row.Kind, row.Name, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
