using System.Diagnostics;

namespace ContactCenter.Benchmarks.Support;

/// <summary>
/// A census of this process's managed heap by type (dotnet-gcdump, if installed), to tell what a measured difference
/// is made of: <c>dotnet-gcdump report FILE</c> lists the types by size. Optional: without the tool, nothing is done.
/// </summary>
public static class HeapDump
{
    public static async Task CollectAsync(string path)
    {
        var tool = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "dotnet-gcdump"))
            .FirstOrDefault(File.Exists);
        if (tool is null)
        {
            Console.Error.WriteLine("  dotnet-gcdump is not on PATH (dotnet tool install dotnet-gcdump): no heap census taken");
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "collect", "--process-id", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.Error.WriteLine(process.ExitCode == 0 ? $"  heap census: {path}" : $"  dotnet-gcdump failed (exit code {process.ExitCode})");
    }
}
