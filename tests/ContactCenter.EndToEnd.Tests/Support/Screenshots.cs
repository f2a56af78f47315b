using System.Text;
using Microsoft.Playwright;

namespace ContactCenter.EndToEnd.Tests.Support;

/// <summary>Full-page screenshots under artifacts/e2e of the repository (beside the test results of build/test.sh).</summary>
public static class Screenshots
{
    private static readonly Lazy<bool> Cleared = new(ClearFolder);

    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "e2e");

    /// <summary>Once per test run: screenshots of an earlier run would pass for failures of this one.</summary>
    public static void ClearPreviousRun() => _ = Cleared.Value;

    private static bool ClearFolder()
    {
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*.png"))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Best effort, like the screenshots themselves.
                }
            }
        }

        return true;
    }

    /// <summary>Best effort: a screenshot that cannot be taken must not hide the test's own failure.</summary>
    public static async Task<string?> SaveAsync(IPage page, string name)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, FileName(name) + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
            return path;
        }
        catch (Exception exception) when (exception is PlaywrightException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            TestContext.Current.SendDiagnosticMessage($"No screenshot for {name}: {exception.Message}");
            return null;
        }
    }

    private static string FileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c);
        }

        return builder.ToString();
    }

    /// <summary>The folder holding ContactCenter.sln above the test binaries; the binaries' folder when there is none.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
