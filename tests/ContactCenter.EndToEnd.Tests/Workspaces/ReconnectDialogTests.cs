using ContactCenter.EndToEnd.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

/// <summary>
/// The portal's reconnect dialog (App.razor, js/reconnect.js). With a dialog of the page's own, Blazor leaves the
/// reload to the page when the server answers a reconnection but no longer knows the page's circuit — what happens
/// when the instance a page lived on is gone and another one answers (the failover itself is measured by the
/// harness, docs/performance.md "Faults").
/// </summary>
public sealed class ReconnectDialogTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    [Fact]
    public async Task APageTheServerNoLongerKnows_LoadsAgainByItself_AndTheExecutorIsStillSignedIn()
    {
        await PortalPages.SignInAsync(Page, "executor@demo.local");
        await Page.GotoAsync("/queue");
        await PortalPages.WaitInteractiveAsync(Page);
        await Page.EvaluateAsync("() => window.__beforeTheReload = true");

        // What Blazor does with the page's dialog when its reconnection is refused (UserSpecifiedDisplay.rejected).
        var reloaded = Page.WaitForResponseAsync(r => r.Url == Portal.Url("/queue") && r.Request.ResourceType == "document");
        await Page.EvaluateAsync("""
            () => {
                const dialog = document.getElementById('components-reconnect-modal');
                dialog.classList.add('components-reconnect-rejected');
                dialog.dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'rejected' } }));
            }
            """);
        await reloaded;

        // A new document (the mark set above is gone), interactive again.
        await Page.WaitForFunctionAsync("() => window.__beforeTheReload !== true && document.querySelector('[data-testid=interactive]') !== null");
        Assert.Equal(Portal.Url("/queue"), Page.Url);
        await Expect(Page.Locator("[data-testid=user-name]")).ToBeVisibleAsync();
        await Expect(Page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }
}
