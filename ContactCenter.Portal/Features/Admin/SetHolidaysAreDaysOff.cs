using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SetHolidaysAreDaysOffCommand(bool HolidaysAreDaysOff);

/// <summary>
/// Whether public holidays are days off and extend terms. Under martial law they are working days
/// (Labour Code art. 73 suspended), so the setting is off while martial law lasts.
/// </summary>
public sealed class SetHolidaysAreDaysOff(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SetHolidaysAreDaysOff> logger)
{
    public async Task<AdminResult> HandleAsync(SetHolidaysAreDaysOffCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Calendar setting refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var value = command.HolidaysAreDaysOff ? "true" : "false";
        var changes = await SaveSettings.Write(db, new Dictionary<string, string> { [WorkingCalendarStore.HolidaysAreDaysOffKey] = value }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Holidays are days off set to {Value} by {Actor} ({ActorName}): {Changes}", value, actor.Id, actor.Name, string.Join("; ", changes));
        return AdminResult.Ok;
    }
}
