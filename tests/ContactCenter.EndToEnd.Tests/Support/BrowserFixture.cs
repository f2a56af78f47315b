using Microsoft.Playwright;

namespace ContactCenter.EndToEnd.Tests.Support;

/// <summary>
/// Headless Chromium driven by Playwright: Debian's <c>chromium</c> package (Playwright's own download is not
/// reachable here). One browser per test collection; each test takes a fresh context with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing: run bash build/test.sh, which installs it (expected {ChromiumPath}).");
        }

        Screenshots.ClearPreviousRun();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A clean browser profile as a Kyiv user sees it: Ukrainian locale and the Kyiv time zone.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "uk-UA",
            TimezoneId = "Europe/Kyiv",
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);

        // Assertions wait as long as actions do: on a busy two-core machine a round trip of the circuit can take more
        // than Playwright's default 5 s, and the assertions wait for an outcome, they do not time it.
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
