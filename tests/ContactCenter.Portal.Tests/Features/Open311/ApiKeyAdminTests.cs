using System.Net;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Api;
using ContactCenter.Portal.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Features.Open311;

public sealed class ApiKeyAdminTests(EmptyOpen311Portal portal) : IClassFixture<EmptyOpen311Portal>
{
    private static readonly Actor Admin = new("admin-1", "Адміністратор", Role.Admin);
    private static readonly Actor Operator = new("operator-1", "Оператор", Role.Operator);

    [Fact]
    public async Task IssueListRevoke_ByTheAdministrator_KeepsOnlyTheHash_AndARevokedKeyIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var issue = portal.Services.GetRequiredService<IssueApiKey>();
        var list = portal.Services.GetRequiredService<GetApiKeys>();
        var revoke = portal.Services.GetRequiredService<RevokeApiKey>();

        var issued = await issue.HandleAsync(new IssueApiKeyCommand("Мобільний застосунок громади"), Admin, ct);

        Assert.True(issued.IsSuccess);
        var key = issued.Value!.Key;
        await using (var db = portal.CreateDb())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == issued.Value.Id, ct);
            Assert.Equal(ApiKey.Hash(key), stored.KeyHash);
            Assert.NotEqual(key, stored.KeyHash);
        }

        var rows = await list.HandleAsync(Admin, ct);
        Assert.Contains(rows.Value!, r => r.Id == issued.Value.Id && r.IsActive && r.CreatedByName == "Адміністратор");

        using var client = portal.CreateClient();
        var form = new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "01.001" };
        using (var accepted = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form), ct))
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, accepted.StatusCode);
        }

        Assert.True((await revoke.HandleAsync(new RevokeApiKeyCommand(issued.Value.Id), Admin, ct)).IsSuccess);
        Assert.Equal(ApiKeyErrors.AlreadyRevoked, (await revoke.HandleAsync(new RevokeApiKeyCommand(issued.Value.Id), Admin, ct)).Errors.Single());
        using var refused = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(form), ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task EveryHandler_RefusesAnyoneButTheAdministrator()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(AdminErrors.NotAdmin, (await portal.Services.GetRequiredService<GetApiKeys>().HandleAsync(Operator, ct)).Errors.Single());
        Assert.Equal(AdminErrors.NotAdmin, (await portal.Services.GetRequiredService<IssueApiKey>().HandleAsync(new IssueApiKeyCommand("x"), Operator, ct)).Errors.Single());
        Assert.Equal(AdminErrors.NotAdmin, (await portal.Services.GetRequiredService<RevokeApiKey>().HandleAsync(new RevokeApiKeyCommand(Guid.NewGuid()), Operator, ct)).Errors.Single());
        Assert.Equal(ApiKeyErrors.NameRequired, (await portal.Services.GetRequiredService<IssueApiKey>().HandleAsync(new IssueApiKeyCommand("  "), Admin, ct)).Errors.Single());
    }
}
