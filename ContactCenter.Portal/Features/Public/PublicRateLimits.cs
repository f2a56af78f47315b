using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ContactCenter.Portal.Features.Public;

/// <summary>
/// Anti-abuse for the public form posts: per client IP, fixed windows — "public-submit" (a new appeal, 5 a minute by
/// default) and "public-lookup" (status look-ups and confirmations, 20 a minute). The limits are settings
/// (<c>Public:SubmitPerMinute</c>, <c>Public:LookupPerMinute</c>). The same policies are also registered by name for
/// endpoints that opt in with <c>RequireRateLimiting</c>; the public pages are limited by the global limiter, which sees
/// only their form posts, so a visitor may open the pages freely.
/// Behind a reverse proxy the client IP comes from forwarded headers (UseForwardedHeaders), or every citizen shares one window.
/// </summary>
public sealed class PublicRateLimits(IConfiguration configuration)
{
    public const string SubmitPolicy = "public-submit";
    public const string LookupPolicy = "public-lookup";

    private int generation;

    public int SubmitPerMinute { get; } = Read(configuration, "Public:SubmitPerMinute", 5);

    public int LookupPerMinute { get; } = Read(configuration, "Public:LookupPerMinute", 20);

    /// <summary>Starts new windows for everybody (the old ones are dropped when idle): for tests and after an incident.</summary>
    public void Reset() => Interlocked.Increment(ref generation);

    /// <summary>Which policy a request falls under, or null: only the posts of the public forms count.</summary>
    public static string? PolicyFor(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var path = request.Path.Value?.TrimEnd('/') ?? string.Empty;
        if (path.Equals("/public/new", StringComparison.OrdinalIgnoreCase))
        {
            return SubmitPolicy;
        }

        return path.Equals("/public/status", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/public/confirm/", StringComparison.OrdinalIgnoreCase)
            ? LookupPolicy
            : null;
    }

    public RateLimitPartition<string> Partition(string policy, HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = policy == SubmitPolicy ? SubmitPerMinute : LookupPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{ip}|{Volatile.Read(ref generation)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    internal void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(SubmitPolicy, context => Partition(SubmitPolicy, context));
        options.AddPolicy(LookupPolicy, context => Partition(LookupPolicy, context));
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PolicyFor(context.Request) is { } policy ? Partition(policy, context) : RateLimitPartition.GetNoLimiter(string.Empty));
        options.OnRejected = (rejected, cancellationToken) => WriteRejectionAsync(rejected.HttpContext, rejected.Lease, cancellationToken);
    }

    private static async ValueTask WriteRejectionAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        seconds = Math.Max(1, seconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<PublicRateLimits>()
            .LogWarning("Too many public requests to {Path} from {Ip}", context.Request.Path.Value, context.Connection.RemoteIpAddress);
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Забагато запитів — Контакт-Центр громади</title></head>
            <body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;">
            <h1>Забагато запитів</h1>
            <p role="alert" data-testid="too-many">З вашої адреси надійшло забагато запитів за хвилину. Спробуйте ще раз через {seconds} с. Звернення не надіслано: поверніться на попередню сторінку браузера й надішліть його пізніше.</p>
            <p>Звернення можна подати також телефоном: пн–чт 8:00–17:15, пт 8:00–16:00, обідня перерва 12:00–13:00.</p>
            <p><a href="/public/new">Повернутися до форми</a></p>
            </body></html>
            """,
            cancellationToken);
    }

    private static int Read(IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
