using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Benchmarks.Hosting;

/// <summary>
/// The baseline beside the portal: SignalR on Kestrel with nothing of ours — no database, no sign-in, no outbox. A
/// client names its groups in the query string (<c>?groups=department,executor:…</c>). What the portal adds to
/// this is what the ratio ours/bare measures.
/// </summary>
public sealed class BareHubHost : IAsyncDisposable
{
    public const string Path = "/hubs/bare";

    private readonly WebApplication app;

    private BareHubHost(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IHubContext<BareHub> Hub => app.Services.GetRequiredService<IHubContext<BareHub>>();

    public static async Task<BareHubHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>(Path);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareHubHost(app, address.TrimEnd('/'));
    }

    /// <summary>The query string that puts a connection into <paramref name="groups"/>.</summary>
    public static string Query(IEnumerable<string> groups) => "?groups=" + string.Join(',', groups.Select(Uri.EscapeDataString));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed class BareHub : Hub
{
    public override async Task OnConnectedAsync()
    {
        var groups = Context.GetHttpContext()?.Request.Query["groups"].ToString() ?? string.Empty;
        foreach (var group in groups.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Uri.UnescapeDataString(group));
        }

        await base.OnConnectedAsync();
    }
}
