namespace ContactCenter.Benchmarks.Push;

/// <summary>What the client process connects, written by the server process as JSON.</summary>
/// <param name="PortalHubUrl">The portal's CardsHub (signed in by cookie).</param>
/// <param name="BareHubUrl">The bare hub (groups in the query string).</param>
/// <param name="ResultPath">Where the client process writes what it received.</param>
public sealed record PushPlan(string PortalHubUrl, string BareHubUrl, int SourceAddresses, IReadOnlyList<PushClientSpec> Clients, string ResultPath);

/// <summary>One client: a connection to the portal as this person, and one to the bare hub in the same groups.</summary>
public sealed record PushClientSpec(int Id, string Cookie, IReadOnlyList<string> Groups);

/// <summary>For each client, the sequence of every <c>CardChanged</c> it received and the timestamp of receipt.</summary>
public sealed record PushReceipts(IReadOnlyList<ClientReceipts> Portal, IReadOnlyList<ClientReceipts> Bare, int PortalClosed, int BareClosed);

public sealed record ClientReceipts(int Id, long[] Sequences, long[] Timestamps);
