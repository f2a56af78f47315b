using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

public sealed class DashboardTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    [Fact]
    public async Task ACardRegisteredByTheOperator_RaisesTheDeputysOpenCount_WithoutReloading()
    {
        Guid waterId;
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            waterId = (await users.FindByEmailAsync("executor@demo.local"))!.ExecutorId!.Value;
        }

        // The deputy of the housing and utilities direction watches the dashboard in a browser of their own.
        await using var deputyContext = await Browser.NewContextAsync(Portal.BaseUrl);
        var deputy = await deputyContext.NewPageAsync();
        await PortalPages.SignInAsync(deputy, "deputy@demo.local");
        await deputy.GotoAsync("/dashboard");
        await PortalPages.WaitInteractiveAsync(deputy);
        var open = deputy.Locator($"[data-executor='{waterId}'] [data-testid=n-open]");
        await Expect(open).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse(await open.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await PortalPages.SignInAsync(Page, "operator@demo.local");
        await CardFlowTests.RegisterCallByKeyboardAsync(Page, "0991112204", "засміч каналіз", "м. Пирятин, вул. Гоголя, 7", "Стоки виходять на дорогу");

        // No reload, no click: the event reaches the open circuit, which reloads the figures by itself.
        await Expect(open).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Expect(deputy.Locator("[data-testid=updated-at]")).ToContainTextAsync("оновлено о");
    }

    [Fact]
    public async Task TheDeputy_SeesTheLastEndedMonthOfTheirDirection_KeptAtStart()
    {
        // The demo holds four months of cards; the month close runs as the portal starts and keeps the last two ended.
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            if (await db.ClosedMonths.CountAsync(TestContext.Current.CancellationToken) >= 2)
            {
                break;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The month close did not keep the ended months at start.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        await PortalPages.SignInAsync(Page, "deputy@demo.local");
        await Page.GotoAsync("/dashboard");
        await PortalPages.WaitInteractiveAsync(Page);

        await Expect(Page.Locator("[data-testid=closed-month-title]")).ToContainTextAsync("Підсумки місяця:");
        var rows = Page.Locator("[data-testid=closed-month-row]");
        await Expect(rows.Last).ToContainTextAsync("Разом");
        await Expect(rows.First).ToContainTextAsync("Житлово-комунальне господарство");
        var received = int.Parse(await rows.Last.Locator("[data-testid=m-received]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(received > 0, "The demo's direction received cards in the ended month.");
        await Expect(rows.Last.Locator("[data-testid=m-compliance]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(\d+,\d|—)$"));
    }
}
