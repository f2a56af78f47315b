using Microsoft.Playwright;

namespace ContactCenter.EndToEnd.Tests.Support;

/// <summary>
/// Base of a browser test: a fresh context and page per test against the shared portal, and a screenshot in
/// artifacts/e2e/&lt;test&gt;.png when the test fails.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class PortalPageTest(PortalServer portal, BrowserFixture browser) : IAsyncLifetime
{
    protected PortalServer Portal { get; } = portal;

    /// <summary>The shared browser, for a test that needs a second person in a context of their own.</summary>
    protected BrowserFixture Browser { get; } = browser;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>The viewport of the test's page; null for the desktop default.</summary>
    protected virtual ViewportSize? Viewport => null;

    public virtual async ValueTask InitializeAsync()
    {
        Context = await Browser.NewContextAsync(Portal.BaseUrl, Viewport);
        Page = await Context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await Screenshots.SaveAsync(Page, TestContext.Current.Test?.TestDisplayName ?? GetType().Name);
        }

        await Context.CloseAsync();
    }
}
