using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Home;

public sealed class HomePageTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    [Fact]
    public async Task AnAnonymousVisitor_SeesTheHomePageInUkrainian_WithTheWaysIn()
    {
        await Page.GotoAsync("/");
        await PortalPages.WaitInteractiveAsync(Page);

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "uk");
        await Expect(Page).ToHaveTitleAsync("Контакт-Центр — головна");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Контакт-Центр громади" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Увійти для працівників" })).ToHaveAttributeAsync("href", "/Account/Login");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Подати звернення" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Перевірити стан звернення" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=user-name]")).ToHaveCountAsync(0);

        // MudBlazor's stylesheet and the theme are applied: the app bar wears the portal's blue.
        await Expect(Page.Locator(".mud-appbar")).ToHaveCSSAsync("background-color", "rgb(0, 87, 183)");
    }

    [Fact]
    public async Task AnOperator_SignsIn_AndSeesTheirNameAndTheFigures()
    {
        await PortalPages.SignInAsync(Page, "operator@demo.local");

        Assert.Equal(Portal.Url("/"), Page.Url);
        await Expect(Page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Петренко Олена Василівна");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Вийти" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Увійти для працівників" })).ToHaveCountAsync(0);

        foreach (var caption in new[] { "Надійшло сьогодні", "На розгляді", "Прострочено", "Виконавців" })
        {
            await Expect(Page.GetByText(caption, new() { Exact = true })).ToBeVisibleAsync();
        }

        var figures = new Dictionary<string, int>();
        foreach (var figure in new[] { "today", "open", "overdue", "executors" })
        {
            var locator = Page.Locator($"[data-testid={figure}]");
            await Expect(locator).ToHaveTextAsync(new Regex(@"^\d+$"));
            figures[figure] = int.Parse(await locator.InnerTextAsync(), CultureInfo.InvariantCulture);
        }

        // The demo hromada has cards under consideration and active executors.
        Assert.True(figures["open"] > 0, "the demo hromada has open cards");
        Assert.True(figures["executors"] > 0, "the demo hromada has active executors");

        await Screenshots.SaveAsync(Page, "home-signed-in");
    }
}
