using System.Diagnostics;

namespace ContactCenter.Benchmarks.Support;

/// <summary>What the server process holds: the managed heap after a full, compacting collection, and the working set.</summary>
public readonly record struct MemorySnapshot(long GcHeapBytes, long WorkingSetBytes)
{
    public double GcHeapMegabytes => GcHeapBytes / 1024.0 / 1024.0;

    public double WorkingSetMegabytes => WorkingSetBytes / 1024.0 / 1024.0;
}

public static class ServerMemory
{
    /// <summary>
    /// Collects twice (objects with finalizers survive the first collection and are freed by the second) so that the
    /// heap figure is what is really alive, not garbage that happened not to be collected yet.
    /// </summary>
    public static MemorySnapshot Measure()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemorySnapshot(heap, process.WorkingSet64);
    }
}
