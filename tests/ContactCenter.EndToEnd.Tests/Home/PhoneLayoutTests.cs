using ContactCenter.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace ContactCenter.EndToEnd.Tests.Home;

/// <summary>The portal on a phone (390×844, an ordinary smartphone): nothing wider than the screen.</summary>
public sealed class PhoneLayoutTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    protected override ViewportSize? Viewport => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task TheHomePage_HasNoHorizontalScroll()
    {
        await Page.GotoAsync("/");
        await PortalPages.WaitInteractiveAsync(Page);
        await Microsoft.Playwright.Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Увійти для працівників" })).ToBeVisibleAsync();

        await AssertNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task TheSignedInHomePage_HasNoHorizontalScroll()
    {
        await PortalPages.SignInAsync(Page, "executor@demo.local");
        await Microsoft.Playwright.Assertions.Expect(Page.Locator("[data-testid=executors]")).ToBeVisibleAsync();

        await AssertNoHorizontalScrollAsync();
    }

    private async Task AssertNoHorizontalScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide in a {widths[1]} px window");
    }
}
