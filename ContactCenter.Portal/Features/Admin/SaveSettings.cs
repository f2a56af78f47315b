using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SaveSettingsCommand(string? BlockedMailDomains, int RepeatWindowDays, int AtRiskHours, int MaxSizeMb, int MaxPerCard);

/// <summary>Checks every setting and writes them all, or none when any is out of range. Field keys are the setting keys.</summary>
public sealed partial class SaveSettings(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SaveSettings> logger)
{
    public async Task<AdminResult> HandleAsync(SaveSettingsCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Settings change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var errors = new List<Error>();
        var domains = (command.BlockedMailDomains ?? string.Empty)
            .Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Trim().TrimStart('@').ToLowerInvariant())
            .Distinct()
            .ToList();
        var bad = domains.Where(d => !IsDomain(d)).ToList();
        if (bad.Count > 0)
        {
            errors.Add(AdminErrors.Field(
                WorkingCalendarStore.BlockedMailDomainsKey,
                $"Не схоже на поштовий домен: {string.Join(", ", bad.Select(d => $"«{d}»"))}. Домен має вигляд mail.ru або ukr.net."));
        }

        var joined = string.Join(", ", domains);
        if (joined.Length > 4000)
        {
            errors.Add(AdminErrors.Field(WorkingCalendarStore.BlockedMailDomainsKey, "Список доменів задовгий (понад 4000 символів)."));
        }

        var numbers = new (AdminSettings.NumberSetting Setting, int Value)[]
        {
            (AdminSettings.RepeatWindowDays, command.RepeatWindowDays),
            (AdminSettings.AtRiskHours, command.AtRiskHours),
            (AdminSettings.MaxSizeMb, command.MaxSizeMb),
            (AdminSettings.MaxPerCard, command.MaxPerCard),
        };
        foreach (var (setting, value) in numbers)
        {
            if (value < setting.Min || value > setting.Max)
            {
                errors.Add(AdminErrors.Field(setting.Key, setting.RangeMessage));
            }
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Settings change by {Actor} ({ActorName}) refused: {Errors}", actor.Id, actor.Name, string.Join("; ", errors.Select(e => e.Code)));
            return new AdminResult(errors);
        }

        var values = new Dictionary<string, string> { [WorkingCalendarStore.BlockedMailDomainsKey] = joined };
        foreach (var (setting, value) in numbers)
        {
            values[setting.Key] = value.ToString(CultureInfo.InvariantCulture);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await Write(db, values, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Settings changed by {Actor} ({ActorName}): {Changes}", actor.Id, actor.Name, changes.Count == 0 ? "nothing" : string.Join("; ", changes));
        return AdminResult.Ok;
    }

    /// <summary>Upserts setting rows on a context (saved by the caller) and returns "key: old -> new" for each change.</summary>
    internal static async Task<List<string>> Write(ContactCenterDbContext db, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var keys = values.Keys.ToList();
        var rows = await db.Settings.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
        var changes = new List<string>();
        foreach (var (key, value) in values)
        {
            if (rows.TryGetValue(key, out var row))
            {
                if (row.Value != value)
                {
                    changes.Add($"{key}: {row.Value} -> {value}");
                    row.Value = value;
                }
            }
            else
            {
                db.Settings.Add(new Setting { Key = key, Value = value });
                changes.Add($"{key}: (none) -> {value}");
            }
        }

        return changes;
    }

    private static bool IsDomain(string text) => text.Length <= 253 && DomainPattern().IsMatch(text);

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
