using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Benchmarks.Support;

/// <summary>
/// A census of this process's managed heap by type, to tell what a measured difference is made of. Optional: without
/// the tool on PATH, nothing is done.
/// <list type="bullet">
/// <item><c>--gcdump</c>: dotnet-gcdump; <c>dotnet-gcdump report FILE</c> lists the types. Counts are exact; the
/// sizes of arrays and strings in its report are not, and on a large heap it may drop objects.</item>
/// <item><c>--heapdump</c>: dotnet-dump, a dump of the whole managed heap (~0.7 GB);
/// <c>dotnet-dump analyze FILE -c "dumpheap -stat -live"</c> gives the live objects by type with their real sizes.</item>
/// </list>
/// </summary>
public static class HeapDump
{
    public static async Task CollectAsync(string path, bool wholeHeap = false)
    {
        var name = wholeHeap ? "dotnet-dump" : "dotnet-gcdump";
        var tool = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        if (tool is null)
        {
            Console.Error.WriteLine($"  {name} is not on PATH (dotnet tool install -g {name}): no heap census taken");
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        var process = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string[] arguments = wholeHeap
            ? ["collect", "--type", "Heap", "--process-id", process, "--output", path]
            : ["collect", "--process-id", process, "--output", path];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        Console.Error.WriteLine(child.ExitCode == 0 ? $"  heap census: {path}" : $"  {name} failed (exit code {child.ExitCode})");
    }
}
