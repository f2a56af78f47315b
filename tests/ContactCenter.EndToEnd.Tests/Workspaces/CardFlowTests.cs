using ContactCenter.Domain.Appeals;
using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

public sealed class CardFlowTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    private const string PhotoPath = "photo-of-work.png";

    /// <summary>§2.2 through the operator's call screen, without touching the mouse; returns the number read back to the caller.</summary>
    internal static async Task<string> RegisterCallByKeyboardAsync(IPage page, string phone, string problemWords, string address, string essence, string expectedProblem = "Засмічення каналізаційної мережі")
    {
        await page.GotoAsync("/intake");
        await PortalPages.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=f-phone]")).ToBeFocusedAsync();
        var keys = page.Keyboard;
        await keys.TypeAsync(phone);
        await keys.PressAsync("Tab");
        await keys.TypeAsync("Шевченко");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("Тарас");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("Григорович");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("м. Пирятин, вул. Соборна, 5");
        await keys.PressAsync("Tab");
        await keys.TypeAsync(problemWords);

        // MudAutocomplete can drop the first key typed right after it takes focus; the operator sees it and retypes.
        var problemField = page.Locator("[data-testid=f-problem]");
        if (await problemField.InputValueAsync() != problemWords)
        {
            await keys.PressAsync("Control+A");
            await keys.TypeAsync(problemWords);
        }

        // The operator reads the suggestion before taking it with Tab.
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToContainTextAsync(expectedProblem);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(address);

        // On a loaded server the render that follows taking the suggestion can land after the first keys of the
        // address; the operator sees the field short and types it again.
        var addressField = page.Locator("[data-testid=f-address]");
        if (await addressField.InputValueAsync() != address)
        {
            await keys.PressAsync("Control+A");
            await keys.TypeAsync(address);
        }

        await keys.PressAsync("Tab");
        await keys.TypeAsync(essence);
        await keys.PressAsync("Tab");
        await Expect(page.Locator("[data-testid=register]")).ToBeFocusedAsync();
        await keys.PressAsync("Enter");

        var number = page.Locator("[data-testid=registered-number]");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{6}$"));
        return await number.InnerTextAsync();
    }

    [Fact]
    public async Task AnOperator_RegistersACall_WithTheKeyboardAlone()
    {
        await PortalPages.SignInAsync(Page, "operator@demo.local");

        var number = await RegisterCallByKeyboardAsync(Page, "0991112201", "засміч каналіз", "м. Пирятин, вул. Соборна, 5", "Стоки не відходять третій день");

        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var card = await db.Appeals.SingleAsync(a => a.Number == number, TestContext.Current.CancellationToken);
        Assert.Equal("Шевченко", card.Surname);
        Assert.Equal("+380991112201", card.Phone);
        Assert.Equal(AppealStatus.Registered, card.Status);
        var problem = await db.ClassifierProblems.SingleAsync(p => p.Id == card.ProblemId, TestContext.Current.CancellationToken);
        Assert.Contains("каналіз", problem.Name);
    }

    [Fact]
    public async Task ACard_GoesFromTheCallThroughTheExecutorsPhotoToClosure()
    {
        await PortalPages.SignInAsync(Page, "operator@demo.local");
        var number = await RegisterCallByKeyboardAsync(Page, "0991112202", "засміч каналіз", "м. Пирятин, вул. Ярмаркова, 12", "Засмічення на розі вулиць");

        // The water utility's responsible person works the card in a browser of their own.
        await using var executorContext = await Browser.NewContextAsync(Portal.BaseUrl);
        var executor = await executorContext.NewPageAsync();
        await PortalPages.SignInAsync(executor, "executor@demo.local");
        await executor.GotoAsync("/queue");
        await PortalPages.WaitInteractiveAsync(executor);
        await executor.Locator("[data-testid=queue-search]").FillAsync(number);
        await executor.Locator("[data-testid=queue-number]", new() { HasText = number }).ClickAsync();
        await Expect(executor.Locator("[data-testid=card-number]")).ToContainTextAsync(number);

        await executor.Locator("[data-testid=action-Attach]").ClickAsync();
        await File.WriteAllBytesAsync(PhotoPath, await executor.ScreenshotAsync(new() { Type = ScreenshotType.Png }), TestContext.Current.CancellationToken);
        await executor.Locator("input[type=file]").SetInputFilesAsync(PhotoPath);
        await Expect(executor.Locator("[data-testid=attachments] img")).ToHaveCountAsync(1);

        await executor.Locator("[data-testid=action-ProposeClosure]").ClickAsync();
        await executor.Locator("[data-testid=field-result]").ClickAsync();
        await executor.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Вирішено позитивно" }).ClickAsync();
        await executor.Locator("[data-testid=field-text]").FillAsync("Засмічення усунено, фото додано");
        await executor.Locator("[data-testid=action-submit]").ClickAsync();
        await Expect(executor.Locator("[data-testid=status]").First).ToHaveTextAsync("Запропоновано до закриття");

        // The Department sees the evidence and closes the card.
        await Page.GotoAsync($"/cards/{number}");
        await PortalPages.WaitInteractiveAsync(Page);
        await Expect(Page.Locator("[data-testid=attachments] img")).ToHaveCountAsync(1);
        await Page.Locator("[data-testid=approve-Closure]").ClickAsync();
        await Page.Locator("[data-testid=action-submit]").ClickAsync();
        await Expect(Page.Locator("[data-testid=status]").First).ToHaveTextAsync("Закрито");
        await Expect(Page.Locator("[data-testid=timeline]")).ToContainTextAsync("Засмічення усунено, фото додано");
    }

    [Fact]
    public async Task ACardRegisteredByTheOperator_AppearsInTheExecutorsOpenQueue_WithoutReloading()
    {
        await using var executorContext = await Browser.NewContextAsync(Portal.BaseUrl);
        var executor = await executorContext.NewPageAsync();
        await PortalPages.SignInAsync(executor, "executor@demo.local");
        await executor.GotoAsync("/queue");
        await PortalPages.WaitInteractiveAsync(executor);
        await executor.Locator("[data-testid=filter-New]").ClickAsync();
        await Expect(executor.Locator("[data-testid=queue]")).ToBeVisibleAsync();

        await PortalPages.SignInAsync(Page, "operator@demo.local");
        var number = await RegisterCallByKeyboardAsync(Page, "0991112203", "засміч каналіз", "м. Пирятин, вул. Європейська, 3", "Стоки у дворі");

        // No reload, no click: the event travels through the outbox to the open circuit.
        await Expect(executor.Locator("[data-testid=queue-number]", new() { HasText = number })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(executor.Locator(".mud-snackbar", new() { HasText = number })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnExecutorWhoTurnedAlertsOn_HearsAChime_AndGetsABrowserNotification_ForANewCard()
    {
        await using var executorContext = await Browser.NewContextAsync(Portal.BaseUrl);

        // The browser's notification and audio objects are replaced by recorders: what is checked is that the queue
        // asks for them at the right moment, not the desktop's rendering of them. The tab is "in the background".
        await executorContext.AddInitScriptAsync("""
            window.__alerts = { notifications: [], tones: 0 };
            Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
            window.Notification = class {
                static get permission() { return localStorage.getItem('test.permission') ?? 'default'; }
                static requestPermission() { localStorage.setItem('test.permission', 'granted'); return Promise.resolve('granted'); }
                constructor(title, options) { window.__alerts.notifications.push({ title, body: options.body }); }
                close() {}
            };
            const RealAudio = window.AudioContext;
            window.AudioContext = class extends RealAudio {
                createOscillator() { window.__alerts.tones++; return super.createOscillator(); }
            };
            """);
        var executor = await executorContext.NewPageAsync();
        await PortalPages.SignInAsync(executor, "executor@demo.local");
        await executor.GotoAsync("/queue");
        await PortalPages.WaitInteractiveAsync(executor);
        await executor.Locator("[data-testid=alerts-sound]").ClickAsync();
        await Expect(executor.Locator("[data-testid=alerts-sound]")).ToHaveAttributeAsync("aria-pressed", "true");
        await executor.Locator("[data-testid=alerts-notify]").ClickAsync();
        await Expect(executor.Locator("[data-testid=alerts-notify]")).ToHaveAttributeAsync("aria-pressed", "true");
        var tonesBefore = await executor.EvaluateAsync<int>("() => window.__alerts.tones");

        await PortalPages.SignInAsync(Page, "operator@demo.local");
        var number = await RegisterCallByKeyboardAsync(Page, "0991112204", "засміч каналіз", "м. Пирятин, вул. Європейська, 4", "Стоки біля під'їзду");

        await executor.WaitForFunctionAsync("() => window.__alerts.notifications.length > 0", null, new() { Timeout = 15_000 });
        var title = await executor.EvaluateAsync<string>("() => window.__alerts.notifications[0].title");
        var body = await executor.EvaluateAsync<string>("() => window.__alerts.notifications[0].body");
        Assert.Equal($"Нове звернення № {number}", title);
        Assert.Contains("Засмічення каналізаційної мережі", body);
        Assert.True(await executor.EvaluateAsync<int>("() => window.__alerts.tones") > tonesBefore);

        // The choice is remembered by this browser: after a reload both stay on.
        await executor.ReloadAsync();
        await PortalPages.WaitInteractiveAsync(executor);
        await Expect(executor.Locator("[data-testid=alerts-sound]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(executor.Locator("[data-testid=alerts-notify]")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task ACardRegisteredWhileTheExecutorsConnectionWasDown_IsInTheQueueOnceItReconnects()
    {
        await using var executorContext = await Browser.NewContextAsync(Portal.BaseUrl);
        var executor = await executorContext.NewPageAsync();

        // The page's connection to the server passes through the test, which can cut it and refuse it for a while,
        // as a dropped mobile connection or a sleeping laptop would.
        var away = false;
        var open = new List<IWebSocketRoute>();
        await executor.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), socket =>
        {
            if (Volatile.Read(ref away))
            {
                _ = socket.CloseAsync();
                return;
            }

            var server = socket.ConnectToServer();
            lock (open)
            {
                open.Add(socket);
                open.Add(server);
            }
        });

        // A dropped connection drops every way to the server: a reconnect that finds the WebSocket refused would
        // otherwise negotiate again over plain HTTP and come back by long polling while the test thinks it is away.
        await executor.RouteAsync(new System.Text.RegularExpressions.Regex("/_blazor"), async route =>
        {
            if (Volatile.Read(ref away))
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await PortalPages.SignInAsync(executor, "executor@demo.local");
        await executor.GotoAsync("/queue");
        await PortalPages.WaitInteractiveAsync(executor);
        await executor.Locator("[data-testid=filter-New]").ClickAsync();
        await Expect(executor.Locator("[data-testid=queue]")).ToBeVisibleAsync();

        await executor.EvaluateAsync("() => window.__beforeTheDrop = true");
        Volatile.Write(ref away, true);
        IWebSocketRoute[] toClose;
        lock (open)
        {
            toClose = [.. open];
            open.Clear();
        }

        foreach (var socket in toClose)
        {
            await socket.CloseAsync();
        }

        // The portal's own dialog, in Ukrainian (Blazor's would say "Rejoining the server...").
        await Expect(executor.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
        await Expect(executor.Locator("#components-reconnect-modal p:visible")).ToContainTextAsync("Зв'язок");

        // Registered meanwhile by another system, through Open311.
        var form = Page.APIRequest.CreateFormData();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["api_key"] = "demo-open311-key",
            ["service_code"] = "01.005",
            ["first_name"] = "Марія",
            ["last_name"] = "Іваненко",
            ["attribute[patronymic]"] = "Петрівна",
            ["attribute[residence]"] = "м. Пирятин, вул. Соборна, 1",
            ["phone"] = "0671239901",
            ["email"] = "maria.ivanenko@ukr.net",
            ["address_string"] = "м. Пирятин, вул. Соборна, 9",
            ["description"] = "Засмічена каналізація біля будинку",
        })
        {
            form.Set(name, value);
        }

        var response = await Page.APIRequest.PostAsync("/open311/v2/requests.json", new() { Form = form });
        Assert.True(response.Ok, await response.TextAsync());
        var number = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        Volatile.Write(ref away, false);

        // The same page, reconnected to its circuit: no reload, and the card registered meanwhile is there. Blazor's
        // reconnection backs off while the server stays unreachable, so on a slow machine the next attempt can come
        // tens of seconds after the connection is allowed again: the wait covers that, not the portal's speed.
        await Expect(executor.Locator("[data-testid=queue-number]", new() { HasText = number })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        Assert.True(await executor.EvaluateAsync<bool>("() => window.__beforeTheDrop === true"));
    }

    [Fact]
    public async Task AnExecutor_CannotOpenAnotherExecutorsCard_EvenByItsAddress()
    {
        var ct = TestContext.Current.CancellationToken;
        string foreignNumber;
        Guid? foreignFile;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var executorId = (await users.FindByEmailAsync("executor@demo.local"))!.ExecutorId;
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(ct);
            var foreign = await db.Appeals.Include(a => a.Attachments).Where(a => a.ExecutorId != executorId && a.Attachments.Any()).FirstAsync(ct);
            foreignNumber = foreign.Number!;
            foreignFile = foreign.Attachments.First().Id;
        }

        await PortalPages.SignInAsync(Page, "executor@demo.local");
        await Page.GotoAsync($"/cards/{foreignNumber}");
        await PortalPages.WaitInteractiveAsync(Page);

        await Expect(Page.Locator("[data-testid=card-not-found]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=card-essence]")).ToHaveCountAsync(0);
        var file = await Page.APIRequest.GetAsync($"/files/{foreignFile}");
        Assert.Equal(404, file.Status);
    }
}
