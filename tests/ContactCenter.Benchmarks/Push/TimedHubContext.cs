using System.Diagnostics;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Benchmarks.Push;

/// <summary>The portal's hub context, passing everything through and noting when each <c>CardChanged</c> send starts and ends.</summary>
internal sealed class TimedHubContext(IHubContext<CardsHub> inner, DispatchProbe probe) : IHubContext<CardsHub>
{
    public IHubClients Clients { get; } = new TimedClients(inner.Clients, probe);

    public IGroupManager Groups => inner.Groups;

    private sealed class TimedClients(IHubClients inner, DispatchProbe probe) : IHubClients
    {
        public IClientProxy All => Timed(inner.All);

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => Timed(inner.AllExcept(excludedConnectionIds));

        public IClientProxy Client(string connectionId) => Timed(inner.Client(connectionId));

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => Timed(inner.Clients(connectionIds));

        public IClientProxy Group(string groupName) => Timed(inner.Group(groupName));

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Timed(inner.GroupExcept(groupName, excludedConnectionIds));

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => Timed(inner.Groups(groupNames));

        public IClientProxy User(string userId) => Timed(inner.User(userId));

        public IClientProxy Users(IReadOnlyList<string> userIds) => Timed(inner.Users(userIds));

        private TimedProxy Timed(IClientProxy proxy) => new(proxy, probe);
    }

    private sealed class TimedProxy(IClientProxy inner, DispatchProbe probe) : IClientProxy
    {
        public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            var start = Stopwatch.GetTimestamp();
            await inner.SendCoreAsync(method, args, cancellationToken);
            if (args is [CardEvent change])
            {
                probe.Sent(change, start, Stopwatch.GetTimestamp());
            }
        }
    }
}
