using ContactCenter.Portal.Features.Public;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Links from a report to the card in the portal. Reports are built by a schedule, with no request to take an address
/// from, so the base is <c>Portal:PublicBaseUrl</c>; without it the link is relative (<c>/cards/2026-000123</c>), which
/// still opens when the file is downloaded from the portal and read in a browser-based viewer.
/// </summary>
public sealed class ReportLinks(IConfiguration configuration)
{
    private readonly string baseUrl = new PublicLinks(configuration).ConfiguredBase ?? string.Empty;

    public Uri Card(string registrationNumber) =>
        new(baseUrl + "/cards/" + Uri.EscapeDataString(registrationNumber), baseUrl.Length == 0 ? UriKind.Relative : UriKind.Absolute);
}
