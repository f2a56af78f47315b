using ContactCenter.Domain.RepairWorks;
using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

public sealed class RepairWorksTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    [Fact]
    public async Task AnExecutor_RegistersAnEmergency_AndTheOperatorSeesItActiveNow()
    {
        var description = "Порив водогону, перевірка " + Guid.NewGuid().ToString("N")[..8];

        // §3.1: the water utility's responsible person registers the emergency as it happens.
        await using var executorContext = await Browser.NewContextAsync(Portal.BaseUrl);
        var executor = await executorContext.NewPageAsync();
        await PortalPages.SignInAsync(executor, "executor@demo.local");
        await executor.GotoAsync("/repairs");
        await PortalPages.WaitInteractiveAsync(executor);
        await executor.Locator("[data-testid=repair-new]").ClickAsync();
        await Expect(executor.Locator("[data-testid=repair-form]")).ToBeVisibleAsync();
        await executor.Locator("[data-testid=repair-addresses]").FillAsync("вул. Удайська");
        await executor.Locator("[data-testid=repair-description]").FillAsync(description);
        await executor.Locator("[data-testid=repair-register]").ClickAsync();
        await Expect(executor.Locator("[data-testid=repair-form]")).ToHaveCountAsync(0);
        await Expect(executor.Locator("[data-testid=repair-works]")).ToContainTextAsync(description);

        // The operator taking calls sees it under "Активні зараз", also when looking up a caller's building on that street.
        await PortalPages.SignInAsync(Page, "operator@demo.local");
        await Page.GotoAsync("/repairs");
        await PortalPages.WaitInteractiveAsync(Page);
        await Expect(Page.Locator("[data-testid=repair-view-Active]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-selected"));
        await Expect(Page.Locator("[data-testid=repair-works]")).ToContainTextAsync(description);
        await Page.Locator("[data-testid=repair-street]").FillAsync("вулиця Удайська, 7");
        var row = Page.Locator("[data-testid=repair-works] tbody tr", new() { HasText = description });
        await Expect(row).ToHaveCountAsync(1);

        // The filter applies after a short pause in typing: only works on that street stay.
        IReadOnlyList<string> shown = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            shown = await Page.Locator("[data-testid=repair-works] tbody tr").AllInnerTextsAsync();
            if (shown.All(text => text.Contains("Удайська", StringComparison.Ordinal)))
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.All(shown, text => Assert.Contains("Удайська", text));
        await Expect(row).ToContainTextAsync("аварійні");
        await Expect(row).ToContainTextAsync("Водопостачання");

        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var work = await db.RepairWorks.SingleAsync(w => w.Description == description, TestContext.Current.CancellationToken);
        Assert.Equal(RepairWorkKind.Emergency, work.Kind);
        Assert.Equal(RepairWorkStatus.InProgress, work.Status);
    }
}
