using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Push;

/// <summary>The figures of one run of one client count.</summary>
public sealed record PushResult(
    int Clients,
    int Connections,
    int Run,
    string Provider,
    SideFigures Portal,
    SideFigures Bare,
    IReadOnlyList<SegmentFigures> Segments,
    MemoryFigures Memory,
    int Registered,
    IReadOnlyList<string> Failures,
    int PortalClosed,
    int BareClosed);

/// <summary>Deliveries of one side (the portal or the bare hub) and their latency in milliseconds.</summary>
/// <param name="Expected">Deliveries due: for each event, every client in one of its groups.</param>
/// <param name="Stray">Receipts of an event by a client that was not due it.</param>
/// <param name="Unstamped">Deliveries whose event has no start time (no commit seen): counted, but not in the latency.</param>
public sealed record SideFigures(int Events, long Expected, long Delivered, long Lost, long Duplicates, long Stray, long Unstamped, double P50, double P99, double Max);

/// <summary>One step on the way of an event through the server, or of a message over the wire (milliseconds).</summary>
public sealed record SegmentFigures(string Name, int Samples, double P50, double P99);

public sealed record MemoryFigures(MemorySnapshot Start, MemorySnapshot Connected, MemorySnapshot End);

/// <summary>An event of one side: the groups it was sent to, and the timestamp its latency counts from.</summary>
public sealed record DueEvent(long Sequence, IReadOnlyCollection<string> Groups, bool Measured, long? Origin, long? SendStart);

public static class PushAnalysis
{
    /// <summary>
    /// Matches receipts to the deliveries due, by sequence: lost = due − delivered, a second receipt of one event by
    /// one client is a duplicate. <paramref name="sendToReceipt"/> collects the wire part of each delivery.
    /// </summary>
    public static SideFigures Deliveries(
        IReadOnlyList<PushClientSpec> clients,
        IReadOnlyDictionary<long, DueEvent> events,
        IReadOnlyList<ClientReceipts> receipts,
        List<double>? sendToReceipt = null)
    {
        var byGroup = new Dictionary<string, List<int>>();
        foreach (var client in clients)
        {
            foreach (var group in client.Groups)
            {
                if (!byGroup.TryGetValue(group, out var members))
                {
                    byGroup[group] = members = [];
                }

                members.Add(client.Id);
            }
        }

        // SignalR sends one message per connection even when it is in several of the groups addressed.
        var due = events.Values.Where(e => e.Measured).ToDictionary(
            e => e.Sequence,
            e => e.Groups.SelectMany(g => byGroup.GetValueOrDefault(g) ?? []).ToHashSet());
        long expected = due.Values.Sum(d => d.Count);
        long delivered = 0, duplicates = 0, stray = 0, unstamped = 0;
        var latencies = new List<double>();
        foreach (var client in receipts)
        {
            var seen = new HashSet<long>();
            for (var i = 0; i < client.Sequences.Length; i++)
            {
                var sequence = client.Sequences[i];
                if (!events.TryGetValue(sequence, out var change))
                {
                    stray++;
                    continue;
                }

                if (!change.Measured)
                {
                    continue;
                }

                if (!seen.Add(sequence))
                {
                    duplicates++;
                    continue;
                }

                if (!due[sequence].Contains(client.Id))
                {
                    stray++;
                    continue;
                }

                delivered++;
                if (change.Origin is { } origin)
                {
                    latencies.Add(Stats.Milliseconds(origin, client.Timestamps[i]));
                }
                else
                {
                    unstamped++;
                }

                if (sendToReceipt is not null && change.SendStart is { } sent)
                {
                    sendToReceipt.Add(Stats.Milliseconds(sent, client.Timestamps[i]));
                }
            }
        }

        return new SideFigures(
            due.Count, expected, delivered, expected - delivered, duplicates, stray, unstamped,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), Stats.Max(latencies));
    }

    /// <summary>
    /// The steps of each measured portal event in the server: from commit to the outbox read that found it, the read,
    /// the hand-over, and the send call.
    /// </summary>
    public static IReadOnlyList<SegmentFigures> ServerSteps(IEnumerable<long> measured, DispatchProbe probe)
    {
        var steps = new (string Name, List<double> Samples)[]
        {
            ("commit → outbox read starts", []),
            ("outbox read (query)", []),
            ("read → handed to circuits", []),
            ("handed over → send starts", []),
            ("send call (all groups)", []),
        };
        foreach (var sequence in measured)
        {
            if (!probe.Committed.TryGetValue(sequence, out var committed) || !probe.Stamps.TryGetValue(sequence, out var s) || s.QueryStart == 0 || s.SendStart == 0)
            {
                continue;
            }

            steps[0].Samples.Add(Stats.Milliseconds(committed, s.QueryStart));
            steps[1].Samples.Add(Stats.Milliseconds(s.QueryStart, s.QueryEnd));
            steps[2].Samples.Add(Stats.Milliseconds(s.QueryEnd, s.Dispatched));
            steps[3].Samples.Add(Stats.Milliseconds(s.Dispatched, s.SendStart));
            steps[4].Samples.Add(Stats.Milliseconds(s.SendStart, s.SendEnd));
        }

        return steps.Select(s => Segment(s.Name, s.Samples)).ToList();
    }

    public static SegmentFigures Segment(string name, IReadOnlyCollection<double> samples) =>
        new(name, samples.Count, Stats.Percentile(samples, 50), Stats.Percentile(samples, 99));
}
