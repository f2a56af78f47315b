namespace ContactCenter.Portal.Features.Public;

/// <summary>
/// The addresses of the public pages as they go into letters. The base is <c>Portal:PublicBaseUrl</c> when the
/// administrator set it (the address citizens know, e.g. https://cc.pyryatyn-mrada.gov.ua), otherwise the scheme and
/// host the request came to.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public const string BaseUrlKey = "Portal:PublicBaseUrl";

    /// <summary>The configured base, without the trailing slash; null when none is set.</summary>
    public string? ConfiguredBase => Trim(configuration[BaseUrlKey]);

    /// <summary>The base for a letter: the configured one, else the given request's own scheme and host.</summary>
    public string BaseFor(string? requestBase) => ConfiguredBase ?? Trim(requestBase) ?? string.Empty;

    public string BaseFor(HttpRequest request) => BaseFor($"{request.Scheme}://{request.Host}{request.PathBase}");

    public static string Status(string baseUrl) => baseUrl + "/public/status";

    public static string Confirmation(string baseUrl, string accessToken) => baseUrl + "/public/confirm/" + Uri.EscapeDataString(accessToken);

    private static string? Trim(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.Trim().TrimEnd('/');
}
