namespace ContactCenter.Benchmarks.Support;

/// <summary>A clock stopped at one instant: a generated database is read as of the moment it was generated for.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
