using System.Globalization;

namespace ContactCenter.Benchmarks.Support;

/// <summary>
/// CPU time spent so far by the processes a benchmark shares the machine with, read from Linux's <c>/proc</c>: the
/// database server's processes, the load generator, and the machine as a whole. With them a run can say where each
/// request's CPU went, and whether the machine or something else was the limit. Elsewhere each reading is zero.
/// </summary>
public readonly record struct CpuReading(double DatabaseMilliseconds, double ClientMilliseconds, long MachineBusyTicks, long MachineTotalTicks)
{
    /// <summary>The share of the machine's processors that was busy between <paramref name="before"/> and this reading.</summary>
    public double BusySince(CpuReading before)
    {
        var total = MachineTotalTicks - before.MachineTotalTicks;
        return total <= 0 ? 0 : (MachineBusyTicks - before.MachineBusyTicks) / (double)total;
    }
}

public static class MachineCpu
{
    /// <summary>Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.</summary>
    private const double MillisecondsPerTick = 10;

    /// <param name="clientProcessId">The load generator's process, if it is a process of its own.</param>
    public static CpuReading Read(int? clientProcessId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return default;
        }

        double database = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && Stat(id) is ("postgres", var ticks))
            {
                database += ticks * MillisecondsPerTick;
            }
        }

        var client = clientProcessId is { } pid && Stat(pid) is (_, var clientTicks) ? clientTicks * MillisecondsPerTick : 0;
        var (busy, total) = Machine();
        return new CpuReading(database, client, busy, total);
    }

    /// <summary>A process's name and its user plus system time in ticks; null once it is gone.</summary>
    private static (string Name, long Ticks)? Stat(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (name) state ppid …": the name may hold spaces and parentheses, so the fields start after the last ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');

        // Fields 14 and 15 of stat (utime, stime); the state is field 3, the first after the name.
        return (text[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary>The whole machine's busy and total ticks from the first line of /proc/stat.</summary>
    private static (long Busy, long Total) Machine()
    {
        var line = File.ReadLines("/proc/stat").First();
        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();

        // user nice system idle iowait irq softirq steal: idle and iowait are the not-busy ones.
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }
}
