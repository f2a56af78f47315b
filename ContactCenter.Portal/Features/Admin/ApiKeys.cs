using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Api;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>A key as the administrator sees it: never the key itself, which is kept only as a hash.</summary>
public sealed record ApiKeyRow(Guid Id, string Name, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A newly issued key: <see cref="Key"/> is shown once and is not stored.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, string Key);

public sealed record IssueApiKeyCommand(string? Name);

public sealed record RevokeApiKeyCommand(Guid Id);

public static class ApiKeyErrors
{
    public const int MaxNameLength = 200;

    public static readonly Error NameRequired = AdminErrors.Field("name", "Вкажіть, хто користуватиметься ключем (наприклад, «Мобільний застосунок громади»).");
    public static readonly Error NameTooLong = AdminErrors.Field("name", $"Назва не може перевищувати {MaxNameLength} символів.");
    public static readonly Error AlreadyRevoked = AdminErrors.Field(AdminErrors.FormField, "Ключ уже відкликано.");
}

/// <summary>Every Open311 key, newest first.</summary>
public sealed class GetApiKeys(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<GetApiKeys> logger)
{
    public async Task<AdminResult<IReadOnlyList<ApiKeyRow>>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("API key list refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking()
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.CreatedAt, k.CreatedByName, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return new AdminResult<IReadOnlyList<ApiKeyRow>>(rows.OrderByDescending(k => k.CreatedAt).ToList(), []);
    }
}

/// <summary>Issues a new key for another system; the key is returned once and only its hash is saved.</summary>
public sealed class IssueApiKey(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<IssueApiKey> logger)
{
    public async Task<AdminResult<IssuedApiKey>> HandleAsync(IssueApiKeyCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("API key issue refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var name = command.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return ApiKeyErrors.NameRequired;
        }

        if (name.Length > ApiKeyErrors.MaxNameLength)
        {
            return ApiKeyErrors.NameTooLong;
        }

        var key = ApiKey.NewKey();
        var apiKey = ApiKey.Issue(name, key, clock.GetUtcNow(), actor.Name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API key {Key} ({Name}) issued by {Actor} ({ActorName})", apiKey.Id, apiKey.Name, actor.Id, actor.Name);
        return new AdminResult<IssuedApiKey>(new IssuedApiKey(apiKey.Id, apiKey.Name, key), []);
    }
}

/// <summary>Revokes a key: the system that held it can no longer file requests.</summary>
public sealed class RevokeApiKey(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<RevokeApiKey> logger)
{
    public async Task<AdminResult> HandleAsync(RevokeApiKeyCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("API key revocation refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var apiKey = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken);
        if (apiKey is null)
        {
            return AdminErrors.NotFound;
        }

        if (!apiKey.IsActive)
        {
            return ApiKeyErrors.AlreadyRevoked;
        }

        apiKey.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API key {Key} ({Name}) revoked by {Actor} ({ActorName})", apiKey.Id, apiKey.Name, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
