using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Benchmarks.Support;
using Microsoft.Playwright;

namespace ContactCenter.Benchmarks.Circuits;

/// <summary>
/// The browser process of the circuits benchmark: headless Chromium driven by Playwright, one browser context per
/// signed-in person, pages opened on command. Commands: <c>open K</c>, <c>stop</c>. Answers: <c>ready</c>,
/// <c>opened N</c>.
/// </summary>
public static partial class BrowserPages
{
    public const string Command = "browser-pages";
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string InteractiveMarker = "[data-testid=interactive]";

    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",

        // Pages in the background keep their circuit alive as a foreground one does.
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
    ];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var baseUrl = options.String("base-url") ?? throw new ArgumentException("--base-url is required.");
        var page = options.String("page", "/queue");
        var users = (options.String("users") ?? throw new ArgumentException("--users is required.")).Split(',');
        var parallel = Math.Max(1, options.Int("parallel", 4));
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing (expected {ChromiumPath}): apt-get install -y chromium.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });

        // Signed in over HTTP, not in a page: a page would leave a circuit of its own behind on the server.
        var contexts = new List<IBrowserContext>();
        foreach (var user in users)
        {
            var cookie = await SignInAsync(baseUrl, user, options.String("password", CircuitsSettings.DemoPassword));
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "uk-UA", TimezoneId = "Europe/Kyiv" });
            context.SetDefaultTimeout(60_000);
            context.SetDefaultNavigationTimeout(60_000);
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = cookie.Name, Value = cookie.Value, Url = baseUrl }]);
            contexts.Add(context);
        }

        ParentChannel.Answer("ready");
        var pages = new List<IPage>();
        while (await ParentChannel.NextCommandAsync() is { } command && command != "stop")
        {
            if (!command.StartsWith("open ", StringComparison.Ordinal))
            {
                continue;
            }

            var count = int.Parse(command[5..], CultureInfo.InvariantCulture);
            var opened = new IPage[count];
            var first = pages.Count;
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
            {
                var tab = await contexts[(first + i) % contexts.Count].NewPageAsync();
                await tab.GotoAsync(page);

                // The layout renders this marker only once the circuit is interactive.
                await tab.Locator(InteractiveMarker).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
                if (tab.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException("A page was sent to the sign-in form: the cookie was not accepted.");
                }

                opened[i] = tab;
            });
            pages.AddRange(opened);
            ParentChannel.Answer($"opened {pages.Count}");
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        return 0;
    }

    /// <summary>The sign-in form, posted as the browser would post it; returns the portal's sign-in cookie.</summary>
    private static async Task<System.Net.Cookie> SignInAsync(string baseUrl, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await http.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return cookies.GetCookies(new Uri(baseUrl)).FirstOrDefault(c => c.Name == "cc.auth")
            ?? throw new InvalidOperationException($"Signing in as {email} gave no sign-in cookie (HTTP {(int)response.StatusCode}).");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
