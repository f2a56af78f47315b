using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.EndToEnd.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

public sealed class WallboardTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    [Fact]
    public async Task TheManagersWallboard_CountsACallTheOperatorRegisters_WithoutReloading()
    {
        await PortalPages.SignInAsync(Page, "manager@demo.local");
        await Page.GotoAsync("/wallboard");
        await PortalPages.WaitInteractiveAsync(Page);
        var today = Page.Locator("[data-testid=wb-intake-today]");
        var phone = Page.Locator("[data-testid=wb-channel-Phone] b");
        await Expect(today).ToHaveTextAsync(new Regex(@"^\d+$"));
        var before = int.Parse(await today.InnerTextAsync(), CultureInfo.InvariantCulture);
        var phoneBefore = int.Parse(await phone.InnerTextAsync(), CultureInfo.InvariantCulture);

        // The operator takes a call in a browser of their own.
        await using var operatorContext = await Browser.NewContextAsync(Portal.BaseUrl);
        var operatorPage = await operatorContext.NewPageAsync();
        await PortalPages.SignInAsync(operatorPage, "operator@demo.local");
        await CardFlowTests.RegisterCallByKeyboardAsync(operatorPage, "0991112211", "засміч каналіз", "м. Пирятин, вул. Гоголя, 8", "Стоки не відходять у підвалі");

        // No reload, no click: the event travels through the outbox to the wallboard's circuit.
        await Expect(today).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Expect(phone).ToHaveTextAsync((phoneBefore + 1).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("/wallboard", new Uri(Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task AnExecutorsPerson_IsRefusedTheWallboard()
    {
        await PortalPages.SignInAsync(Page, "executor@demo.local");
        await Page.GotoAsync("/wallboard");

        // The server refuses the page itself ([Authorize(Roles = ...)]) before any figure is read.
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
        await Expect(Page.Locator("[data-testid=wb-intake-today]")).ToHaveCountAsync(0);
    }
}
