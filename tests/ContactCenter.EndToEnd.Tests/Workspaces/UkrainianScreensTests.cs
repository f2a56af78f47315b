using System.Text.RegularExpressions;
using ContactCenter.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace ContactCenter.EndToEnd.Tests.Workspaces;

/// <summary>Every screen a person works in speaks Ukrainian: no English word is left in what they read.</summary>
public sealed partial class UkrainianScreensTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    // Names of formats and standards that Ukrainian text uses as they are.
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Excel", "Word", "PDF", "JPEG", "PNG", "WEBP", "GIF", "ODT", "ODS", "TXT", "API", "Open311", "GeoReport", "e-mail", "mail",
    };

    public static TheoryData<string, string> Screens => new()
    {
        { "operator@demo.local", "/" },
        { "operator@demo.local", "/intake" },
        { "operator@demo.local", "/queue" },
        { "operator@demo.local", "/control" },
        { "operator@demo.local", "/repairs" },
        { "manager@demo.local", "/wallboard" },
        { "executor@demo.local", "/repairs" },
        { "executor@demo.local", "/queue" },
        { "deputy@demo.local", "/dashboard" },
        { "deputy@demo.local", "/dashboard/cards?figure=overdue" },
        { "operator@demo.local", "/reports" },
        { "head@demo.local", "/reports" },
        { "admin@demo.local", "/admin" },
        { "admin@demo.local", "/admin/classifier" },
        { "admin@demo.local", "/admin/users" },
        { "admin@demo.local", "/admin/executors" },
        { "admin@demo.local", "/admin/calendar" },
        { "admin@demo.local", "/admin/settings" },
        { "admin@demo.local", "/admin/api-keys" },
        { string.Empty, "/public/new" },
        { string.Empty, "/public/status" },
        { string.Empty, "/public/outages" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task AScreen_HasNoEnglishWords(string email, string path)
    {
        if (email.Length > 0)
        {
            await PortalPages.SignInAsync(Page, email);
        }

        await Page.GotoAsync(path);
        if (email.Length > 0)
        {
            await PortalPages.WaitInteractiveAsync(Page);
        }

        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var text = await Page.InnerTextAsync("body");
        var title = await Page.TitleAsync();
        // E-mail addresses and mail domains are data, not interface text.
        var interfaceText = AddressOrDomain().Replace(text + " " + title, " ");
        var english = LatinWord().Matches(interfaceText)
            .Select(m => m.Value)
            .Where(w => !Allowed.Contains(w) && !w.Contains('@'))
            .Distinct()
            .ToList();

        Assert.True(english.Count == 0, $"{path} as {email} shows English: {string.Join(", ", english)}");
        Assert.Matches("[А-Яа-яІіЇїЄєҐґ]", title);
    }

    [GeneratedRegex(@"(?<![\w@.])[A-Za-z][A-Za-z\-]{2,}(?![\w@])")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\S+@\S+|[\w.-]+\.(ua|ru|com|net|org|local|by|io)\b")]
    private static partial Regex AddressOrDomain();
}
