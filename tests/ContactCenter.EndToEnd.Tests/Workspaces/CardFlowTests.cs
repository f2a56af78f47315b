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
