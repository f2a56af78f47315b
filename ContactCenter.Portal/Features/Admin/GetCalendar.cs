using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record GetCalendarQuery(int Year);

public sealed record CalendarView(int Year, IReadOnlyList<CalendarDay> Days, bool HolidaysAreDaysOff);

/// <summary>The special dates of one year and whether holidays are days off.</summary>
public sealed class GetCalendar(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<GetCalendar> logger)
{
    public async Task<AdminResult<CalendarView>> HandleAsync(GetCalendarQuery query, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Calendar view refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var from = new DateOnly(Math.Clamp(query.Year, 1583, 9999), 1, 1);
        var to = from.AddYears(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date < to)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarDay(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);
        var off = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.HolidaysAreDaysOffKey, cancellationToken);
        return new AdminResult<CalendarView>(new CalendarView(from.Year, days, bool.TryParse(off, out var value) && value), []);
    }
}
