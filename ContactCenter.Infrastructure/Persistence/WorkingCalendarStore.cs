using ContactCenter.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// The working calendar and deadline settings as the administrator keeps them in the database (the calendar is data,
/// not code), turned into the domain's <see cref="DeadlinePolicy"/>.
/// </summary>
public sealed class WorkingCalendarStore(IDbContextFactory<ContactCenterDbContext> factory)
{
    public const string HolidaysAreDaysOffKey = "Calendar:HolidaysAreDaysOff";
    public const string AtRiskHoursKey = "Deadlines:AtRiskHours";
    public const string BlockedMailDomainsKey = "Intake:BlockedMailDomains";
    public const string RepeatWindowDaysKey = "Intake:RepeatWindowDays";
    public const string ReportsTimeZoneKey = "Reports:TimeZone";
    public const string AttachmentsMaxSizeMbKey = "Attachments:MaxSizeMb";
    public const string AttachmentsMaxPerCardKey = "Attachments:MaxPerCard";

    public async Task<DeadlinePolicy> GetPolicyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await GetPolicyAsync(db, cancellationToken);
    }

    public static async Task<DeadlinePolicy> GetPolicyAsync(ContactCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var holidaysOff = await db.Settings.AsNoTracking().Where(s => s.Key == HolidaysAreDaysOffKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

        // Under martial law holidays are working days; the default follows the law in force since 2022.
        var calendar = new WorkingCalendar(
            days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)),
            holidaysAreDaysOff: bool.TryParse(holidaysOff, out var off) && off);
        return new DeadlinePolicy(calendar);
    }

    public static async Task<string?> GetSettingAsync(ContactCenterDbContext db, string key, CancellationToken cancellationToken = default) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
}
