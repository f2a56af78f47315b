using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Push;

public enum PushProvider
{
    Postgres,
    Sqlite,
}

/// <param name="Clients">Executor clients per measurement; the Department's and the deputies' clients come on top.</param>
/// <param name="Rate">Cards registered (and bare messages sent) per second.</param>
/// <param name="Warmup">Seconds of load before the measured part, to get the JIT and the pools warm.</param>
/// <param name="SourceAddresses">Spread client sockets over 127.0.0.1…127.0.0.k (0: let the system choose).</param>
public sealed record PushSettings(
    IReadOnlyList<int> Clients,
    PushProvider Provider,
    int Runs,
    int Seconds,
    int Rate,
    int Warmup,
    int SourceAddresses)
{
    public int Directions { get; init; } = 30;

    public int Executors { get; init; } = 300;

    public int DepartmentUsers { get; init; } = 20;

    public int Deputies { get; init; } = 6;

    public static PushSettings From(CommandLine options)
    {
        var provider = options.String("provider", "postgres").ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => PushProvider.Postgres,
            "sqlite" => PushProvider.Sqlite,
            var other => throw new ArgumentException($"--provider must be postgres or sqlite, not '{other}'."),
        };
        var settings = new PushSettings(
            options.Ints("clients", [1, 100, 1000]),
            provider,
            Math.Max(1, options.Int("runs", 3)),
            Math.Max(1, options.Int("seconds", 30)),
            Math.Max(1, options.Int("rate", 5)),
            options.Int("warmup", 3),
            options.Int("source-addresses", 0));
        return settings.SourceAddresses > 250 ? throw new ArgumentException("--source-addresses goes up to 250.") : settings;
    }
}
