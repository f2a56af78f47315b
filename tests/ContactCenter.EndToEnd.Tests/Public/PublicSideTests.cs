using System.Net;
using ContactCenter.EndToEnd.Tests.Support;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.EndToEnd.Tests.Public;

/// <summary>A citizen on a phone: files an appeal through the public form and follows it, without signing in.</summary>
public sealed class PublicSideTests(PortalServer portal, BrowserFixture browser) : PortalPageTest(portal, browser)
{
    private const string PhotoPath = "public-photo.png";

    protected override ViewportSize? Viewport => new() { Width = 390, Height = 844 };

    public override async ValueTask InitializeAsync()
    {
        // Each test starts with fresh submission windows: the limiter counts per client IP, and all tests share 127.0.0.1.
        Portal.Services.GetRequiredService<PublicRateLimits>().Reset();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Portal.Services.GetRequiredService<PublicRateLimits>().Reset();
    }

    private async Task FillFormAsync(string email, string phone, string essence = "Біля будинку третій день тече вода з люка")
    {
        await Page.GotoAsync("/public/new");
        await Page.Locator("#surname").FillAsync("Коваленко");
        await Page.Locator("#firstName").FillAsync("Оксана");
        await Page.Locator("#patronymic").FillAsync("Іванівна");
        await Page.Locator("#residence").FillAsync("м. Пирятин, вул. Соборна, 10");
        await Page.Locator("#phone").FillAsync(phone);
        await Page.Locator("#email").FillAsync(email);
        var firstProblem = await Page.Locator("#problem optgroup option").First.GetAttributeAsync("value");
        await Page.Locator("#problem").SelectOptionAsync(firstProblem!);
        await Page.Locator("#address").FillAsync("м. Пирятин, вул. Соборна, 10");
        await Page.Locator("#essence").FillAsync(essence);
        await Page.Locator("#consent").CheckAsync();
    }

    private Task<IResponse> PostAsync() =>
        Page.RunAndWaitForResponseAsync(SendAsync, r => r.Request.Method == "POST" && r.Url.EndsWith("/public/new", StringComparison.Ordinal));

    private Task SendAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Надіслати звернення" }).ClickAsync();

    [Fact]
    public async Task ACitizen_FilesAnAppealWithAPhoto_AndLooksItUpByNumberAndPhone()
    {
        await File.WriteAllBytesAsync(PhotoPath, await Page.ScreenshotAsync(new() { Type = ScreenshotType.Png }), TestContext.Current.CancellationToken);
        await FillFormAsync("oksana.kovalenko@ukr.net", "0671112299");
        await Page.Locator("#photos").SetInputFilesAsync(PhotoPath);
        await SendAsync();

        var shown = Page.Locator("[data-testid=public-number]");
        await Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{6}$"));
        var number = await shown.InnerTextAsync();
        await Expect(Page.Locator("[data-testid=file-problems]")).ToHaveCountAsync(0);

        await using (var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var card = await db.Appeals.Include(a => a.Attachments).SingleAsync(a => a.Number == number, TestContext.Current.CancellationToken);
            Assert.Equal(Domain.Appeals.Channel.Web, card.Channel);
            Assert.Single(card.Attachments);
            var letter = await db.OutgoingMails.SingleAsync(m => m.RegistrationNumber == number, TestContext.Current.CancellationToken);
            Assert.Equal("oksana.kovalenko@ukr.net", letter.To);
            Assert.Contains("/public/confirm/" + card.AccessToken, letter.Body, StringComparison.Ordinal);
            Assert.Contains(Portal.BaseUrl + "/public/status", letter.Body, StringComparison.Ordinal);
        }

        await Page.GetByRole(AriaRole.Link, new() { Name = "Стан звернення" }).First.ClickAsync();
        await Page.Locator("#number").FillAsync(number);
        await Page.Locator("#phone").FillAsync("067 111 22 98");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Перевірити" }).ClickAsync();
        await Expect(Page.Locator("[data-testid=status-not-found]")).ToContainTextAsync("Звернення з таким номером і телефоном не знайдено");

        await Page.Locator("#phone").FillAsync("+380 67 111 22 99");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Перевірити" }).ClickAsync();
        await Expect(Page.Locator("[data-testid=status-text]")).ToHaveTextAsync("Зареєстровано");
        await Expect(Page.Locator("[data-testid=status-card]")).Not.ToContainTextAsync("Коваленко");

        // Nothing sticks out of a phone's screen.
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width}px wide on a 390px screen.");
    }

    [Fact]
    public async Task AnAppealFromABlockedMailDomain_IsRefused_AndWhatWasTypedStays()
    {
        await FillFormAsync("someone@mail.ru", "0671112288", "Не горить ліхтар");
        await SendAsync();

        await Expect(Page.Locator("[data-testid=email-error]")).ToContainTextAsync("не реєструються");
        await Expect(Page.Locator("#surname")).ToHaveValueAsync("Коваленко");
        await Expect(Page.Locator("#essence")).ToHaveValueAsync("Не горить ліхтар");
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.False(await db.Appeals.AnyAsync(a => a.Email == "someone@mail.ru", TestContext.Current.CancellationToken));
        Assert.True(await db.RegistrationRefusals.AnyAsync(r => r.Email == "someone@mail.ru", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSixthSubmissionInAMinute_GetsTooManyRequests_WithRetryAfter()
    {
        // Five posts (refused by the form for missing data: they still count), then the sixth is turned away.
        await Page.GotoAsync("/public/new");
        for (var i = 0; i < 5; i++)
        {
            var response = await PostAsync();
            Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        }

        var rejected = await PostAsync();
        Assert.Equal((int)HttpStatusCode.TooManyRequests, rejected!.Status);
        Assert.True(int.Parse(await rejected.HeaderValueAsync("retry-after") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await Expect(Page.Locator("[data-testid=too-many]")).ToContainTextAsync("забагато запитів");

        // Looking pages up is not a submission.
        var page = await Page.GotoAsync("/public/new");
        Assert.Equal((int)HttpStatusCode.OK, page!.Status);
    }
}
