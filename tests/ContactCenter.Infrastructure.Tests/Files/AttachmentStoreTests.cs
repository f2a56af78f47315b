using System.Text;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace ContactCenter.Infrastructure.Tests.Files;

public sealed class AttachmentStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string root = Path.Combine(Path.GetTempPath(), "cc-files-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase database = null!;
    private AttachmentStore store = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        store = new AttachmentStore(new AttachmentStoreOptions(root), database.Factory(), new FakeTimeProvider(Now), NullLogger<AttachmentStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Result<AttachmentInfo>> SaveAsync(byte[] content, string fileName, long? declaredLength = null) =>
        store.SaveAsync(new MemoryStream(content), fileName, declaredLength ?? content.Length, isPublic: false, Ct);

    private string[] FilesInStore() =>
        Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];

    private async Task<byte[]> StoredBytesAsync(AttachmentInfo info)
    {
        await using var stream = await store.OpenReadAsync(info.StoredName);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    [Fact]
    public async Task SaveAsync_APhoneJpegWithExifGps_IsReEncodedUprightWithoutTheMetadata()
    {
        var original = SampleFiles.JpegWithExifGps(width: 200, height: 100);
        Assert.Contains(SampleFiles.GpsMarker, Encoding.ASCII.GetString(original));

        var result = await SaveAsync(original, "IMG_0001.JPG");

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        var info = result.Value;
        Assert.Equal("image/jpeg", info.ContentType);
        Assert.Equal("IMG_0001.JPG", info.FileName);
        Assert.Matches(@"^2026/03/[0-9a-f]{32}\.jpg$", info.StoredName);
        var stored = await StoredBytesAsync(info);
        Assert.Equal(stored.Length, info.Size);
        var text = Encoding.ASCII.GetString(stored);
        Assert.DoesNotContain(SampleFiles.GpsMarker, text);
        Assert.DoesNotContain("Exif", text);
        using var image = SKBitmap.Decode(stored);
        Assert.Equal((100, 200), (image.Width, image.Height));
    }

    [Fact]
    public async Task SaveAsync_ATransparentPng_StaysAPngImage()
    {
        var result = await SaveAsync(SampleFiles.TransparentPng(64, 48), "схема.png");

        Assert.True(result.IsSuccess);
        Assert.Equal("image/png", result.Value.ContentType);
        Assert.True(result.Value.IsImage);
        Assert.EndsWith(".png", result.Value.StoredName);
        using var image = SKBitmap.Decode(await StoredBytesAsync(result.Value));
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Equal(0, image.GetPixel(0, 0).Alpha);
    }

    [Fact]
    public async Task SaveAsync_AHugePhoto_IsScaledDownToTheLongestSide()
    {
        var result = await SaveAsync(SampleFiles.Jpeg(width: 5000, height: 1000), "panorama.jpg");

        Assert.True(result.IsSuccess);
        using var image = SKBitmap.Decode(await StoredBytesAsync(result.Value));
        Assert.Equal(ImageSanitizer.MaxSide, image.Width);
        Assert.InRange(image.Height, 818, 820);
    }

    [Fact]
    public async Task SaveAsync_APdfNamedAsAPhoto_IsAcceptedAsThePdfItIs()
    {
        var pdf = SampleFiles.Pdf();

        var result = await SaveAsync(pdf, "scan.jpg");

        Assert.True(result.IsSuccess);
        Assert.Equal("application/pdf", result.Value.ContentType);
        Assert.Equal("scan.pdf", result.Value.FileName);
        Assert.EndsWith(".pdf", result.Value.StoredName);
        Assert.Equal(pdf, await StoredBytesAsync(result.Value));
    }

    [Fact]
    public async Task SaveAsync_ADocxAndAUkrainianTextFile_AreAccepted()
    {
        var docx = await SaveAsync(SampleFiles.Docx(), @"C:\Users\Оля\Документи\Акт №5.docx");
        var text = await SaveAsync(Encoding.UTF8.GetBytes("Труба замінена 02.03.2026."), "../../примітка.txt");

        Assert.True(docx.IsSuccess);
        Assert.Equal("Акт №5.docx", docx.Value.FileName);
        Assert.Equal(FileInspector.Docx.ContentType, docx.Value.ContentType);
        Assert.True(text.IsSuccess);
        Assert.Equal("примітка.txt", text.Value.FileName);
        Assert.StartsWith("text/plain", text.Value.ContentType);
    }

    [Fact]
    public async Task SaveAsync_AnExecutableNamedPhotoJpg_IsRefusedAndNothingStored()
    {
        var result = await SaveAsync(SampleFiles.Executable(), "photo.jpg");

        Assert.Equal(FileErrors.TypeNotAccepted, result.Error);
        Assert.Empty(FilesInStore());
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>document.location='http://evil'</script></html>", "page.html")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "plan.svg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "plan.txt")]
    public async Task SaveAsync_HtmlOrSvg_IsRefused(string content, string fileName)
    {
        var result = await SaveAsync(Encoding.UTF8.GetBytes(content), fileName);

        Assert.Equal(FileErrors.TypeNotAccepted, result.Error);
        Assert.Empty(FilesInStore());
    }

    [Fact]
    public async Task SaveAsync_OverTheDefaultSize_IsRefusedNamingTheLimitAndNothingStored()
    {
        var content = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.4\n"u8.CopyTo(content);

        var declared = await SaveAsync(content, "big.pdf");
        var undeclared = await SaveAsync(content, "big.pdf", declaredLength: -1);

        Assert.Equal("Файл завеликий: не більше 10 МБ.", declared.Error.Message);
        Assert.Equal(declared.Error, undeclared.Error);
        Assert.Empty(FilesInStore());
    }

    [Fact]
    public async Task SaveAsync_TheSizeLimitFromSettings_IsHonoured()
    {
        await using (var db = database.CreateContext())
        {
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.AttachmentsMaxSizeMbKey, Value = "1" });
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.AttachmentsMaxPerCardKey, Value = "3" });
            await db.SaveChangesAsync(Ct);
        }

        var content = new byte[(1024 * 1024) + 100];
        "%PDF-1.4\n"u8.CopyTo(content);

        var result = await SaveAsync(content, "act.pdf", declaredLength: -1);

        Assert.Equal("Файл завеликий: не більше 1 МБ.", result.Error.Message);
        Assert.Equal(new AttachmentLimits(1, 3), await store.GetLimitsAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_AnEmptyFile_IsRefused()
    {
        var result = await SaveAsync([], "empty.pdf");

        Assert.Equal(FileErrors.Empty, result.Error);
    }

    [Fact]
    public async Task SaveAsync_ATruncatedJpeg_IsRefusedAsDamaged()
    {
        var jpeg = SampleFiles.Jpeg(400, 400, noisy: true);

        var half = await SaveAsync(jpeg[..(jpeg.Length / 2)], "cut.jpg");
        var headerOnly = await SaveAsync(jpeg[..20], "cut.jpg");

        Assert.Equal(FileErrors.ImageCorrupt, half.Error);
        Assert.Equal("Зображення пошкоджене або не є зображенням.", headerOnly.Error.Message);
        Assert.Empty(FilesInStore());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("2026/../../outside.txt")]
    [InlineData("")]
    public async Task OpenReadAsync_ANameOutsideTheStore_IsRefused(string storedName)
    {
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(root)!, "outside.txt"), "secret", Ct);

        Assert.Null(await store.OpenReadAsync(storedName));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheStoredFile()
    {
        var info = (await SaveAsync(SampleFiles.Pdf(), "act.pdf")).Value;

        await store.DeleteAsync(info.StoredName);

        Assert.Null(await store.OpenReadAsync(info.StoredName));
        Assert.Empty(FilesInStore());
    }

    [Fact]
    public async Task SaveAsync_Succeeding_LeavesOnlyTheFinalFile()
    {
        var first = await SaveAsync(SampleFiles.Pdf(), "a.pdf");
        var second = await SaveAsync(SampleFiles.Jpeg(), "b.jpg");

        var files = FilesInStore().Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order().ToArray();
        Assert.Equal(new[] { first.Value.StoredName, second.Value.StoredName }.Order().ToArray(), files);
    }

    [Fact]
    public async Task SaveAsync_WhenTheFolderCannotBeWritten_FailsWithAMessageAndLeavesNoPartialFile()
    {
        // A file where the month's folder should be: the write cannot happen.
        Directory.CreateDirectory(Path.Combine(root, "2026"));
        await File.WriteAllTextAsync(Path.Combine(root, "2026", "03"), "in the way", Ct);

        var result = await SaveAsync(SampleFiles.Pdf(), "act.pdf");

        Assert.Equal(FileErrors.StorageFailed, result.Error);
        Assert.Equal([Path.Combine(root, "2026", "03")], FilesInStore());
    }
}
