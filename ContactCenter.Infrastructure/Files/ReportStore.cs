using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Infrastructure.Files;

/// <summary>Where built reports are kept: a folder, from <c>Reports:Root</c> (default <c>data/reports</c> under the content root).</summary>
public sealed record ReportStoreOptions(string Root)
{
    public const string RootKey = "Reports:Root";
    public const string DefaultRoot = "data/reports";
}

/// <summary>
/// The files of the report archive, outside the database (design decision 8) like the cards' attachments: the
/// database keeps the name, the size and who may read it. Written through a temporary file and an atomic move, so a
/// reader never sees half a workbook.
/// </summary>
public sealed class ReportStore(ReportStoreOptions options, ILogger<ReportStore> logger)
{
    private const string PartialSuffix = ".part";

    private readonly string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root));

    public string Root => root;

    /// <summary>Writes (or replaces) a stored file.</summary>
    public async Task WriteAsync(string storedName, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Resolve(storedName) ?? throw new ArgumentException($"{storedName} is not a name inside the reports folder.", nameof(storedName));
        var partial = path + PartialSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>The stored file, or null when it is missing or the name points outside the folder.</summary>
    public Stream? OpenRead(string? storedName)
    {
        var path = Resolve(storedName);
        return path is null || !File.Exists(path)
            ? null
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    public bool Exists(string? storedName) => Resolve(storedName) is { } path && File.Exists(path);

    /// <summary>Removes a stored file; true when there was one.</summary>
    public bool Delete(string? storedName)
    {
        var path = Resolve(storedName);
        if (path is null || !File.Exists(path))
        {
            return false;
        }

        return TryDelete(path);
    }

    /// <summary>The full path of a stored name, only if it stays inside the folder.</summary>
    private string? Resolve(string? storedName)
    {
        if (string.IsNullOrWhiteSpace(storedName) || Path.IsPathRooted(storedName) || storedName.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, storedName));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not remove report file {Path}", path);
            return false;
        }
    }
}

public static class ReportStoreServiceCollectionExtensions
{
    /// <summary>The report archive's folder <c>Reports:Root</c> (relative to the content root; default <c>data/reports</c>).</summary>
    public static IServiceCollection AddReportStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[ReportStoreOptions.RootKey];
        var root = string.IsNullOrWhiteSpace(configured) ? ReportStoreOptions.DefaultRoot : configured;
        if (!Path.IsPathRooted(root))
        {
            root = Path.Combine(contentRoot, root);
        }

        services.AddSingleton(new ReportStoreOptions(Path.GetFullPath(root)));
        services.AddSingleton<ReportStore>();
        return services;
    }
}
