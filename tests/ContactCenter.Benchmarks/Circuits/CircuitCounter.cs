using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ContactCenter.Benchmarks.Circuits;

/// <summary>How many circuits the server holds: the measurement checks it has exactly the circuits it opened.</summary>
public sealed class CircuitCounter
{
    private int open;

    public int Open => Volatile.Read(ref open);

    internal void Opened() => Interlocked.Increment(ref open);

    internal void Closed() => Interlocked.Decrement(ref open);
}

/// <summary>Added beside the portal's own circuit handlers; it only counts.</summary>
public sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }
}
