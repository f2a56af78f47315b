using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Infrastructure.Api;

/// <summary>
/// A key the administrator issues to another system that files requests through the Open311 API. Only a hash of
/// the key is kept, so a copy of the database does not give anyone the keys.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
        Name = string.Empty;
        KeyHash = string.Empty;
        CreatedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Who uses the key, e.g. "Мобільний застосунок «Пирятин»".</summary>
    public string Name { get; private set; }

    public string KeyHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static ApiKey Issue(string name, string key, DateTimeOffset now, string createdByName) => new()
    {
        Id = Guid.NewGuid(),
        Name = name.Trim(),
        KeyHash = Hash(key),
        CreatedAt = now,
        CreatedByName = createdByName,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    /// <summary>A new random key to show the administrator once.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
