using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Infrastructure.Files;

/// <summary>Where attachments are kept: a folder, from <c>Files:Root</c> (default <c>data/files</c> under the content root).</summary>
public sealed record AttachmentStoreOptions(string Root)
{
    public const string RootKey = "Files:Root";
    public const string DefaultRoot = "data/files";
}

/// <summary>The administrator's limits on uploads (settings rows), with the defaults of the specification.</summary>
public sealed record AttachmentLimits(int MaxSizeMb, int MaxPerCard)
{
    public static readonly AttachmentLimits Default = new(10, 20);

    public long MaxBytes => MaxSizeMb * 1024L * 1024L;

    public static async Task<AttachmentLimits> ReadAsync(ContactCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var size = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.AttachmentsMaxSizeMbKey, cancellationToken);
        var count = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.AttachmentsMaxPerCardKey, cancellationToken);
        return new AttachmentLimits(Positive(size, Default.MaxSizeMb), Positive(count, Default.MaxPerCard));
    }

    private static int Positive(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

/// <summary>
/// Keeps the files of cards outside the database (design decision 8): checks size and real type, re-encodes images,
/// and writes under a generated name via a temporary file and an atomic move, so a refused or failed upload leaves
/// nothing behind. The database keeps only <see cref="AttachmentInfo"/>.
/// </summary>
public sealed class AttachmentStore(
    AttachmentStoreOptions options,
    IDbContextFactory<ContactCenterDbContext> dbFactory,
    TimeProvider clock,
    ILogger<AttachmentStore> logger)
{
    private const int MaxFileNameLength = 255;
    private const string PartialSuffix = ".part";

    private readonly string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root));

    public string Root => root;

    public async Task<AttachmentLimits> GetLimitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AttachmentLimits.ReadAsync(db, cancellationToken);
    }

    /// <summary>
    /// Stores one upload. <paramref name="declaredLength"/> (negative when unknown) only lets an oversize file be refused
    /// early; at most the limit plus one byte is ever read.
    /// </summary>
    public async Task<Result<AttachmentInfo>> SaveAsync(Stream content, string originalFileName, long declaredLength, bool isPublic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limits = await GetLimitsAsync(cancellationToken);
        if (declaredLength > limits.MaxBytes)
        {
            return FileErrors.TooLarge(limits.MaxSizeMb);
        }

        var bytes = await ReadAtMostAsync(content, limits.MaxBytes + 1, cancellationToken);
        if (bytes.Length > limits.MaxBytes)
        {
            return FileErrors.TooLarge(limits.MaxSizeMb);
        }

        if (bytes.Length == 0)
        {
            return FileErrors.Empty;
        }

        var type = FileInspector.Detect(bytes);
        if (type is null)
        {
            logger.LogInformation("Refused an upload of unaccepted type ({Length} bytes)", bytes.Length);
            return FileErrors.TypeNotAccepted;
        }

        if (type.IsImage)
        {
            var sanitized = ImageSanitizer.Sanitize(bytes);
            if (sanitized.IsFailure)
            {
                return sanitized.Error;
            }

            bytes = sanitized.Value.Content;
            type = sanitized.Value.Type;
        }

        var now = clock.GetUtcNow();
        var storedName = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{type.Extension}");
        var written = await WriteAtomicallyAsync(storedName, bytes, cancellationToken);
        if (written.IsFailure)
        {
            return written.Error;
        }

        return new AttachmentInfo(CleanFileName(originalFileName, type.Extension), type.ContentType, bytes.Length, storedName, isPublic);
    }

    /// <summary>The stored file, or null when it is missing or the name points outside the store.</summary>
    public Task<Stream?> OpenReadAsync(string storedName)
    {
        var path = Resolve(storedName);
        if (path is null || !File.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult<Stream?>(stream);
    }

    /// <summary>Removes a stored file — the compensation when the card that was to refer to it is not saved.</summary>
    public Task DeleteAsync(string storedName)
    {
        var path = Resolve(storedName);
        if (path is null)
        {
            return Task.CompletedTask;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not delete stored file {StoredName}", storedName);
        }

        return Task.CompletedTask;
    }

    /// <summary>The full path of a stored name, only if it stays inside the store's folder.</summary>
    private string? Resolve(string? storedName)
    {
        if (string.IsNullOrWhiteSpace(storedName) || Path.IsPathRooted(storedName) || storedName.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, storedName));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private async Task<Result> WriteAtomicallyAsync(string storedName, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = Resolve(storedName) ?? throw new InvalidOperationException($"Generated name {storedName} is outside the store.");
        var partial = path + PartialSuffix;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, FileOptions.Asynchronous))
            {
                await file.WriteAsync(bytes, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: false);
            return Result.Success();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not write attachment {StoredName}", storedName);
            TryDelete(partial);
            return FileErrors.StorageFailed;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not remove partial file {Path}", path);
        }
    }

    private static bool SameExtension(string given, string real) =>
        string.Equals(given, real, StringComparison.OrdinalIgnoreCase)
        || (real == ".jpg" && given.ToLowerInvariant() is ".jpeg" or ".jpe" or ".jfif");

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
            var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The name the uploader gave, for display and download only: no folders, no control characters, at most 255
    /// characters, and the extension of what the file really is (a PDF called scan.jpg is downloaded as scan.pdf).
    /// </summary>
    internal static string CleanFileName(string? original, string extension)
    {
        var name = original ?? string.Empty;
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            name = name[(lastSeparator + 1)..];
        }

        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        if (SameExtension(Path.GetExtension(name), extension))
        {
            extension = Path.GetExtension(name);
        }

        if (stem.Length == 0 || stem.All(c => c == '.'))
        {
            stem = "файл";
        }

        if (stem.Length + extension.Length > MaxFileNameLength)
        {
            stem = stem[..(MaxFileNameLength - extension.Length)];
        }

        return stem + extension;
    }
}
