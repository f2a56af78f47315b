using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Portal.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactCenter.Portal.Tests.Account;

public sealed partial class LoginTests : IAsyncLifetime
{
    private const string Email = "chief@rada.example.ua";
    private const string Password = "Str0ng-Admin-Pass!";
    private PortalFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ContactCenter"] = $"Data Source={Path.Combine(Path.GetTempPath(), "cc-portal-tests", Guid.NewGuid().ToString("N"), "portal.db")}",
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = Email,
            ["Admin:Password"] = Password,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string returnUrl = "")
    {
        var page = await client.GetStringAsync("/Account/Login" + returnUrl, TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the login form carries an antiforgery token");
        return await client.PostAsync("/Account/Login" + returnUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsTheCookieAndReturnsToTheAskedPage()
    {
        using var client = Client();

        var response = await PostLoginAsync(client, Email, Password, "?ReturnUrl=%2Fqueue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/queue", response.Headers.Location?.AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cc.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var home = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("Адміністратор", home);
        Assert.Contains("Вийти", home);
    }

    [Fact]
    public async Task SignIn_WithAForeignReturnUrl_StaysInThePortal()
    {
        using var client = Client();

        var response = await PostLoginAsync(client, Email, Password, "?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("localhost", response.Headers.Location?.Host);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoInUkrainianAndSetsNoCookie()
    {
        using var client = Client();

        var response = await PostLoginAsync(client, Email, "wrong-Password1!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Неправильна електронна пошта або пароль.", html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cc.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedOutEvenWithTheRightPassword()
    {
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await PostLoginAsync(client, Email, "wrong-Password1!");
        }

        var response = await PostLoginAsync(client, Email, Password);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("тимчасово заблоковано", html);
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_ShowsUkrainianValidationMessages()
    {
        using var client = Client();

        var response = await PostLoginAsync(client, string.Empty, string.Empty);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Вкажіть електронну пошту.", html);
        Assert.Contains("Вкажіть пароль.", html);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
