using System.Globalization;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SettingsView(string BlockedMailDomains, int RepeatWindowDays, int AtRiskHours, int MaxSizeMb, int MaxPerCard);

/// <summary>The current values of the administrator's settings; a missing or unreadable one shows its default.</summary>
public sealed class GetSettings(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<GetSettings> logger)
{
    public async Task<AdminResult<SettingsView>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Settings view refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var values = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        int Number(AdminSettings.NumberSetting setting) =>
            values.TryGetValue(setting.Key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : setting.Default;
        return new AdminResult<SettingsView>(
            new SettingsView(
                values.GetValueOrDefault(WorkingCalendarStore.BlockedMailDomainsKey, string.Empty),
                Number(AdminSettings.RepeatWindowDays),
                Number(AdminSettings.AtRiskHours),
                Number(AdminSettings.MaxSizeMb),
                Number(AdminSettings.MaxPerCard)),
            []);
    }
}
