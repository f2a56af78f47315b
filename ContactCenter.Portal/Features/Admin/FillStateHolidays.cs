using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record FillStateHolidaysCommand(int Year);

/// <summary>
/// Adds the state holidays of a year (Labour Code art. 73, <see cref="WorkingCalendar.UkrainianHolidays"/>). A date
/// already in the calendar is left as the administrator set it, so filling twice adds nothing.
/// </summary>
public sealed class FillStateHolidays(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<FillStateHolidays> logger)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public async Task<AdminResult<int>> HandleAsync(FillStateHolidaysCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Calendar fill refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        if (command.Year is < MinYear or > MaxYear)
        {
            return AdminErrors.Field("year", $"Рік — від {MinYear} до {MaxYear}.");
        }

        var holidays = WorkingCalendar.UkrainianHolidays(command.Year);
        var from = new DateOnly(command.Year, 1, 1);
        var to = from.AddYears(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = (await db.CalendarDays.Where(d => d.Date >= from && d.Date < to).Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
        var added = holidays.Where(h => !taken.Contains(h.Date)).ToList();
        db.CalendarDays.AddRange(added.Select(h => new CalendarDayRow { Date = h.Date, Kind = h.Kind, Name = h.Name }));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "State holidays of {Year} filled by {Actor} ({ActorName}): {Added} added, {Kept} already there",
            command.Year, actor.Id, actor.Name, added.Count, holidays.Count - added.Count);
        return new AdminResult<int>(added.Count, []);
    }
}
