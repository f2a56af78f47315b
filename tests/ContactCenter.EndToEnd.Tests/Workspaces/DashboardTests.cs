using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Identity;
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
}
