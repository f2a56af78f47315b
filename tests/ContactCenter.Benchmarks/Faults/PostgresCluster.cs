using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ContactCenter.Benchmarks.Faults;

/// <summary>
/// A PostgreSQL 15 cluster of our own (initdb and pg_ctl, as build/test.sh starts one for the tests), so that it can be
/// stopped and started under the portal. Never the shared development cluster. As root the cluster belongs to the
/// postgres system user (initdb refuses to run as root). Removed on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string folder;
    private readonly string data;

    private PostgresCluster(string folder, int port)
    {
        this.folder = folder;
        data = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public static async Task<PostgresCluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}/initdb is missing).");
        }

        // Under /tmp: the postgres user must be able to enter it, and the socket path must stay short.
        var folder = Directory.CreateTempSubdirectory("cc-faults-pg.").FullName;
        var cluster = new PostgresCluster(folder, FreePort());
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "socket"));
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", "postgres:", folder]);
            }

            await cluster.AsPostgresAsync("initdb", ["-D", cluster.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);

            // As durable as a production server would be (fsync on): what a stop must not lose is the point.
            await cluster.AsPostgresAsync("sh", ["-c", $"printf \"listen_addresses = '127.0.0.1'\\nunix_socket_directories = '{folder}/socket'\\nmax_connections = 200\\nport = {cluster.Port}\\n\" >> {cluster.data}/postgresql.conf"]);
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartServerAsync() =>
        await AsPostgresAsync(Path.Combine(Bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"]);

    /// <param name="mode">fast: sessions are ended and the server shuts down cleanly (an administrator's restart); immediate: as a crash.</param>
    public async Task StopServerAsync(string mode = "fast") =>
        await AsPostgresAsync(Path.Combine(Bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await StopServerAsync("immediate");
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("  " + e.Message);
            }
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's cleanup.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgresAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = program.Contains('/', StringComparison.Ordinal) || program == "sh" ? program : Path.Combine(Bin, program);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], folder) : RunAsync(path, arguments, folder);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var said = (await output) + " " + (await error);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {said}"));
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
