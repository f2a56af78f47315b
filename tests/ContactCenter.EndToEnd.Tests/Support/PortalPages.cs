using Microsoft.Playwright;

namespace ContactCenter.EndToEnd.Tests.Support;

/// <summary>Steps every flow needs: signing in and waiting for the interactive circuit.</summary>
public static class PortalPages
{
    private const string InteractiveMarker = "[data-testid=interactive]";
    private const string LoginError = "[data-testid=login-error]";

    /// <summary>
    /// Waits until the Blazor circuit is interactive: the layout renders this marker only then. A click sent
    /// before that is silently lost.
    /// </summary>
    public static async Task WaitInteractiveAsync(IPage page) =>
        await page.Locator(InteractiveMarker).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Signs in through the login form (the demo password by default), then waits for the interactive page it lands on.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = PortalServer.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await SubmitLoginAsync(page, email, password);

        // Either the portal page behind the form (interactive) or the form again with its error.
        await page.Locator($"{InteractiveMarker}, {LoginError}").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        if (await page.Locator(LoginError).CountAsync() > 0)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {await page.Locator(LoginError).InnerTextAsync()}");
        }

        await WaitInteractiveAsync(page);
    }

    /// <summary>Fills and submits the (static) login form on the current page, without waiting for the outcome.</summary>
    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти", Exact = true }).ClickAsync();
    }
}
