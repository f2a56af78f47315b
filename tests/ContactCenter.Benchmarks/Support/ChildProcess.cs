using System.Diagnostics;

namespace ContactCenter.Benchmarks.Support;

/// <summary>
/// This program started again as a child in a client role (SignalR clients, a browser driver). The clients live in a
/// process of their own so that the server process's memory figures hold only the server, as in production. The two
/// talk in lines: the parent writes commands to the child's standard input, the child answers on its standard output;
/// the child's standard error goes straight to ours.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;

    private ChildProcess(Process process) => this.process = process;

    /// <param name="client">A client role: it gets the workstation GC, which keeps its footprint small on a shared machine.</param>
    public static ChildProcess Start(string command, IEnumerable<string> arguments, bool client = false)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        if (client)
        {
            start.Environment["DOTNET_gcServer"] = "0";
        }

        // Started as "dotnet ContactCenter.Benchmarks.dll" rather than through the app host: name the assembly.
        if (Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(command);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {command} process."));
    }

    /// <summary>The child's process id.</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Ends the child at once: on Linux SIGKILL, so it gets no chance to close anything (the fault harness).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }
    }

    /// <summary>
    /// Passes the child's further output on to standard error in the background (until it exits): a child whose output
    /// nobody reads blocks as soon as the pipe is full, a logging server at its next log line.
    /// </summary>
    public void PassOnOutput(string prefix) => _ = Task.Run(async () =>
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.Error.WriteLine(prefix + line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The child is gone.
        }
    });

    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the child's next line that starts with <paramref name="prefix"/>; fails if it exits first.</summary>
    public async Task<string> ExpectAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The child process did not answer '{prefix}' within {timeout.TotalSeconds:0} s.");
            }

            if (line is null)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"The child process ended (exit code {process.ExitCode}) before answering '{prefix}'.");
            }

            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..].Trim();
            }

            Console.Error.WriteLine("  child: " + line);
        }
    }

    /// <summary>Reads the child's remaining output (passed on to standard error) until it exits; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                Console.Error.WriteLine("  child: " + line);
            }

            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The child process did not end within {timeout.TotalMinutes:0} min.");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}

/// <summary>The child's side of <see cref="ChildProcess"/>.</summary>
public static class ParentChannel
{
    public static void Answer(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    /// <summary>The parent's next command, or null once the parent has closed our input (it is gone or done).</summary>
    public static Task<string?> NextCommandAsync() => Console.In.ReadLineAsync();
}
