using ContactCenter.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Account;

public sealed class SignInTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    [Fact]
    public async Task AWrongPassword_IsRefusedInUkrainian()
    {
        // Not the operator's account: failed attempts count towards a lockout.
        await Page.GotoAsync("/Account/Login");
        await PortalPages.SubmitLoginAsync(Page, "mayor@demo.local", "Wrong-2026!");

        await Expect(Page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Неправильна електронна пошта або пароль.");
        await Expect(Page).ToHaveURLAsync(Portal.Url("/Account/Login"));
        await Expect(Page.Locator("#email")).ToHaveValueAsync("mayor@demo.local");
        await Expect(Page.Locator("[data-testid=user-name]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheAccessDeniedPage_SaysSoInUkrainian()
    {
        await Page.GotoAsync("/Account/AccessDenied");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Доступ заборонено" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "На головну" })).ToHaveAttributeAsync("href", "/");
    }

    [Fact]
    public async Task SigningOut_LeavesNoNameBehind()
    {
        await PortalPages.SignInAsync(Page, "deputy@demo.local");
        await Expect(Page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Ковтун Олександр Миколайович");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Вийти" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Portal.Url("/Account/Login"));
        await Expect(Page.Locator("#email")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=user-name]")).ToHaveCountAsync(0);

        // The cookie is gone too: the home page greets an anonymous visitor again.
        await Page.GotoAsync("/");
        await PortalPages.WaitInteractiveAsync(Page);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Увійти для працівників" })).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=user-name]")).ToHaveCountAsync(0);
    }
}
