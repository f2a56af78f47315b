using ContactCenter.Benchmarks.Support;

namespace ContactCenter.Benchmarks.Circuits;

/// <param name="Sessions">Pages open at each measurement, ascending (20,40: measure at 20, then at 40).</param>
/// <param name="Page">The page every session opens.</param>
/// <param name="Users">The demo accounts the sessions are signed in as, in turn.</param>
/// <param name="Parallel">Pages opened at once: Chromium pages are heavy on two cores.</param>
/// <param name="Jobs">
/// The portal's scheduled jobs run as in production (the default); <c>--jobs off</c> leaves them out, so that a heap census
/// holds no report being built at start (the demo's catch-up) beside the circuits.
/// </param>
public sealed record CircuitsSettings(IReadOnlyList<int> Sessions, int Runs, string Page, IReadOnlyList<string> Users, int Parallel, bool Jobs = true)
{
    public const string DemoPassword = "Demo-2026!";

    public static CircuitsSettings From(CommandLine options)
    {
        var sessions = options.Ints("sessions", [20, 40]).Distinct().Order().ToList();
        if (sessions.Count == 1)
        {
            sessions.Add(sessions[0] * 2);
        }

        var users = (options.String("users") ?? "executor@demo.local,head@demo.local,performer@demo.local")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var page = options.String("page", "/queue");
        return new CircuitsSettings(sessions, Math.Max(1, options.Int("runs", 3)), page.StartsWith('/') ? page : "/" + page, users, Math.Max(1, options.Int("parallel", 4)),
            !string.Equals(options.String("jobs", "on"), "off", StringComparison.OrdinalIgnoreCase));
    }
}
