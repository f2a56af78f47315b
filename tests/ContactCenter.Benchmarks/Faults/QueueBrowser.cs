using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Benchmarks.Circuits;
using ContactCenter.Benchmarks.Push;
using Microsoft.Playwright;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>What one document of the page went through, as the page itself wrote it down (browser clock, Unix ms).</summary>
public sealed record PageEvent(long At, string Kind, string Text);

/// <summary>
/// An executor's responsible person with <c>/queue</c> open in headless Chromium, as they keep it open all day. The
/// page writes down what happens to it — each document it loads, when the layout turns interactive, what the reconnect
/// dialog and the error bar say — into the tab's session storage, which outlives a reload; the harness reads that
/// record instead of polling a page that may be in the middle of reloading.
/// </summary>
public sealed partial class QueueBrowser : IAsyncDisposable
{
    private const string InteractiveMarker = "[data-testid=interactive]";

    /// <summary>Runs in every document before the page's own scripts. The default reconnect dialog lives in a shadow root, hence the polling.</summary>
    private const string Recorder = """
        (() => {
          const key = 'cc-faults';
          const log = (kind, text) => {
            try {
              const list = JSON.parse(sessionStorage.getItem(key) || '[]');
              list.push({ at: Date.now(), kind, text: text || '' });
              sessionStorage.setItem(key, JSON.stringify(list));
            } catch (e) { }
          };
          log('document', location.pathname + location.search);
          window.addEventListener('pagehide', () => log('unload', ''));
          const visible = e => e && e.style.display !== 'none' && getComputedStyle(e).display !== 'none';
          let interactive = false, dialog = '', error = '';
          setInterval(() => {
            // Until the head's stylesheets have applied, hidden parts (the error bar) compute as shown; nothing is painted yet.
            if (document.readyState === 'loading') { return; }
            const now = !!document.querySelector('[data-testid=interactive]');
            if (now !== interactive) { interactive = now; log(now ? 'interactive' : 'not-interactive', ''); }
            const modal = document.getElementById('components-reconnect-modal');
            let text = '';
            if (visible(modal)) {
              const parts = [];
              (modal.shadowRoot || modal).querySelectorAll('p, h1, h2, h3, button').forEach(e => {
                const t = visible(e) ? e.innerText.replace(/\s+/g, ' ').trim() : '';
                if (t) { parts.push(e.tagName === 'BUTTON' ? '[' + t + ']' : t); }
              });
              text = parts.join(' ');
            }
            if (text !== dialog) { dialog = text; log(text ? 'dialog' : 'dialog-hidden', text); }
            const bar = document.getElementById('blazor-error-ui');
            const barText = visible(bar) ? bar.innerText.replace(/\s+/g, ' ').trim() : '';
            if (barText !== error) { error = barText; log(barText ? 'error-bar' : 'error-bar-hidden', barText); }
          }, 20);
        })();
        """;

    private readonly System.Collections.Concurrent.ConcurrentQueue<PageEvent> console = new();
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IBrowserContext context;

    private QueueBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Signs in with <paramref name="cookie"/> (the portal's own, as its sign-in form sets it) and opens <c>/queue</c> until it is interactive.</summary>
    public static async Task<QueueBrowser> OpenAsync(Uri baseUrl, string cookie)
    {
        if (!File.Exists(BrowserPages.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing (expected {BrowserPages.ChromiumPath}): apt-get install -y chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserPages.ChromiumPath, Headless = true, Args = BrowserPages.ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), Locale = "uk-UA", TimezoneId = "Europe/Kyiv" });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        await context.AddCookiesAsync([new Cookie { Name = Organisation.CookieName, Value = cookie, Url = baseUrl.ToString() }]);
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        var desk = new QueueBrowser(playwright, browser, context, page);

        // What Blazor itself says about the connection (its warnings and errors go to the console).
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                desk.console.Enqueue(new PageEvent(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "console " + message.Type, message.Text));
            }
        };
        await page.GotoAsync("/queue");
        await page.Locator(InteractiveMarker).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        if (page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The queue page was sent to the sign-in form: the cookie was not accepted.");
        }

        return desk;
    }

    /// <summary>The browser console's errors and warnings since <paramref name="since"/> (Unix ms, as the harness received them).</summary>
    public IReadOnlyList<PageEvent> ConsoleSince(long since) => console.Where(e => e.At >= since).ToList();

    /// <summary>Everything the page wrote down since it was opened, across reloads.</summary>
    public async Task<IReadOnlyList<PageEvent>> EventsAsync()
    {
        var json = await EvaluateAsync<string?>("() => sessionStorage.getItem('cc-faults')");
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => new PageEvent((long)e.GetProperty("at").GetDouble(), e.GetProperty("kind").GetString()!, e.GetProperty("text").GetString()!))
            .ToList();
    }

    /// <summary>
    /// Waits until the page works again after <paramref name="since"/> (Unix ms): either a new document whose layout
    /// turned interactive (the page loaded again), or the reconnect dialog hidden again in the same document (the
    /// circuit reconnected or was resumed). Null when neither happened within <paramref name="timeout"/>.
    /// </summary>
    public async Task<Recovery> WaitForRecoveryAsync(long since, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var events = (await EventsAsync()).Where(e => e.At >= since).ToList();
            var recovery = Recovery.From(since, events);
            if (recovery.InteractiveAt is not null || DateTimeOffset.UtcNow > until)
            {
                return recovery with { SignedIn = await SignedInAsync() };
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The baseline: the person reloads the page on a healthy instance; ms from the reload to the page interactive again.</summary>
    public async Task<long?> ReloadAsync()
    {
        var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });
        return (await WaitForRecoveryAsync(since, TimeSpan.FromSeconds(60))).InteractiveAt;
    }

    /// <summary>Signed in: on a portal page (not the sign-in form) that shows the person's name in the bar.</summary>
    public async Task<bool> SignedInAsync() =>
        await EvaluateAsync<bool>("() => !location.pathname.toLowerCase().startsWith('/account/login') && !!document.querySelector('[data-testid=user-name]')");

    /// <summary>The queue's total as the page shows it under the table ("1–25 з N"); null while it shows none.</summary>
    public async Task<int?> TotalAsync()
    {
        var text = await EvaluateAsync<string?>("() => document.querySelector('.mud-table-page-number-information')?.textContent ?? null");
        var match = text is null ? null : TotalPattern().Match(text);
        return match is { Success: true } ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Waits until the page has read its rows (the table's loading bar is gone) and shows a total.</summary>
    public async Task<bool> WaitForRowsAsync(TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!await EvaluateAsync<bool>("() => document.querySelector('.mud-table-loading-row') === null && document.querySelector('.mud-table-page-number-information') !== null"))
        {
            if (DateTimeOffset.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Waits until the shown total satisfies <paramref name="condition"/>; returns it, or null when the time ran out.</summary>
    public async Task<int?> WaitForTotalAsync(Func<int, bool> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var total = await TotalAsync();
            if (total is { } shown && condition(shown))
            {
                return shown;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Every number in the queue, read from the page: 100 rows a page, through the pager. This asks the server for each
    /// page (as a person paging would), so it is done only at the end, after the live total has been read untouched.
    /// </summary>
    public async Task<IReadOnlyList<string>> AllNumbersAsync()
    {
        const int rows = 100;
        await Page.SelectOptionAsync("#queue-page-size", rows.ToString(CultureInfo.InvariantCulture));
        var total = await WaitForTotalAsync(_ => true, TimeSpan.FromSeconds(30)) ?? 0;
        var numbers = new List<string>();
        for (var first = 1; first <= Math.Max(total, 1); first += rows)
        {
            if (first > 1)
            {
                // The click itself, not the mouse: the "new card" notices pile up over the pager while cards come in.
                await Page.Locator(".mud-table-pagination-next-button").DispatchEventAsync("click");
            }

            // The pager's caption changes at once, the rows once they are read: the loading bar is gone only then.
            var expected = Math.Min(rows, total - first + 1);
            await Page.WaitForFunctionAsync(
                """
                ([first, rows]) => (document.querySelector('.mud-table-page-number-information')?.textContent ?? '').startsWith(first + '–')
                    && document.querySelector('.mud-table-loading-row') === null
                    && document.querySelectorAll('[data-testid=queue-number]').length === rows
                """,
                new object[] { first, Math.Max(expected, 0) });
            numbers.AddRange(await Page.Locator("[data-testid=queue-number]").AllTextContentsAsync());
            if (total == 0)
            {
                break;
            }
        }

        return numbers.Select(n => n.Trim()).ToList();
    }

    /// <summary>An evaluation that waits out a document being replaced (a reload destroys the context it ran in).</summary>
    private async Task<T> EvaluateAsync<T>(string script)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await Page.EvaluateAsync<T>(script);
            }
            catch (PlaywrightException) when (attempt < 200)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }

    [GeneratedRegex(@"з\s+(\d+)")]
    private static partial Regex TotalPattern();
}

/// <summary>
/// One failover as the page lived it, in ms after the kill: the reconnect dialog shown, the page unloaded and loaded
/// again (a new document), interactive again; whether the person was still signed in; what the dialog and error bar said.
/// </summary>
public sealed record Recovery(long? DialogAt, long? UnloadAt, long? DocumentAt, long? InteractiveAt, int Documents, bool ReconnectedInPlace, string? DocumentPath, IReadOnlyList<string> Texts)
{
    public bool SignedIn { get; init; }

    public static Recovery From(long since, IReadOnlyList<PageEvent> events)
    {
        long? After(PageEvent? e) => e is null ? null : e.At - since;
        var dialog = events.FirstOrDefault(e => e.Kind == "dialog");
        var documents = events.Where(e => e.Kind == "document").ToList();
        var lastDocument = documents.LastOrDefault();
        var interactive = lastDocument is null ? null : events.FirstOrDefault(e => e.Kind == "interactive" && e.At >= lastDocument.At);

        // No new document, but the dialog came and went: the circuit was reconnected (or resumed) where it was.
        var inPlace = lastDocument is null && dialog is not null && events.Any(e => e.Kind == "dialog-hidden" && e.At >= dialog.At);
        var back = interactive ?? (inPlace ? events.Last(e => e.Kind == "dialog-hidden") : null);
        var texts = events.Where(e => e.Kind is "dialog" or "error-bar").Select(e => e.Kind == "dialog" ? e.Text : "error bar: " + e.Text).ToList();
        return new Recovery(After(dialog), After(events.FirstOrDefault(e => e.Kind == "unload")), After(documents.FirstOrDefault()), After(back), documents.Count, inPlace, lastDocument?.Text, texts);
    }
}
