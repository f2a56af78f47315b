using System.Net;
using System.Text.Json;

namespace ContactCenter.Portal.Tests.Features.Open311;

public sealed class Open311RateLimitTests(EmptyOpen311Portal portal) : IClassFixture<EmptyOpen311Portal>
{
    [Fact]
    public async Task Post_The31stWithinAMinute_Is429WithRetryAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = portal.CreateClient();
        var form = new Dictionary<string, string> { ["api_key"] = "whoever", ["service_code"] = "01.001" };

        for (var i = 0; i < 30; i++)
        {
            using var allowed = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form), ct);
            Assert.Equal(HttpStatusCode.Forbidden, allowed.StatusCode);
        }

        using var refused = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form), ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        var body = await refused.Content.ReadAsStringAsync(ct);
        Open311Schemas.AssertValid("errors", body);
        Assert.Equal(429, JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32());

        // Reading is not limited.
        using var read = await client.GetAsync("/open311/v2/services.json", ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
