using System.Diagnostics;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Reports;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>
/// The workbooks open in LibreOffice, not only in the library that wrote them: converted headless to CSV, the summary
/// sheet (the first) shows the same numbers. build/test.sh installs LibreOffice; without it these tests are skipped.
/// </summary>
public sealed class LibreOfficeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWeeklyReport_ConvertedByLibreOffice_ShowsTheSameFigures()
    {
        var soffice = Soffice();
        Assert.SkipWhen(soffice is null, "LibreOffice (soffice) is not installed; build/test.sh installs it.");

        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var file = await host.BuildAsync(ReportKind.WeeklyCompliance, ReportScenario.Week, ReportScope.Direction(host.Scenario.North.Id), Ct);
        var rows = await ToCsvAsync(soffice!, file, Ct);

        var header = rows.First(r => r.Contains("Виконавець"));
        var total = rows.Single(r => r.Count > 0 && r[0] == WeeklyComplianceReport.TotalLabel);
        var figures = ComplianceReportTests.FigureHeaders.Select(h => total[header.IndexOf(h)]).ToList();
        Assert.Equal(["9", "4", "1", "2", "6", "2", "1", "2", "1", "36.4", "2.5"], figures);
        Assert.Contains(rows, r => r.Count > 1 && r[0] == "Період:" && r[1] == "16.11.2026 – 22.11.2026");
    }

    [Fact]
    public async Task TheRegister_ConvertedByLibreOffice_OpensWithItsSummaryFirst()
    {
        var soffice = Soffice();
        Assert.SkipWhen(soffice is null, "LibreOffice (soffice) is not installed; build/test.sh installs it.");

        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var file = await host.BuildAsync(ReportKind.Register, ReportScenario.November, ReportScope.Community, Ct);
        var rows = await ToCsvAsync(soffice!, file, Ct);

        Assert.Contains(rows, r => r.Count > 1 && r[0] == RegisterReport.CountLabel + ":" && r[1] == "17");
    }

    private static string? Soffice() =>
        new[] { "soffice", "libreoffice" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Converts the first sheet to CSV (";" between fields, UTF-8) and reads it back, decimal commas made points.</summary>
    private static async Task<List<List<string>>> ToCsvAsync(string soffice, ReportFile file, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("cc-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, file.FileName);
            await File.WriteAllBytesAsync(input, file.Content, cancellationToken);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList =
                {
                    // Its own profile: a parallel LibreOffice (another test run) must not share the user's lock.
                    $"-env:UserInstallation=file://{folder.FullName}/profile",
                    "--headless",
                    "--convert-to",
                    "csv:Text - txt - csv (StarCalc):59,34,76,1",
                    "--outdir",
                    folder.FullName,
                    input,
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["HOME"] = folder.FullName;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var csv = Path.ChangeExtension(input, ".csv");
            Assert.True(File.Exists(csv), $"LibreOffice did not convert the file (exit {process.ExitCode}): {await output} {await errors}");
            return (await File.ReadAllLinesAsync(csv, cancellationToken))
                .Select(line => line.Split(';').Select(f => f.Trim('"')).Select(f => IsDecimal(f) ? f.Replace(',', '.') : f).ToList())
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool IsDecimal(string field) => field.Length > 0 && field.All(c => char.IsAsciiDigit(c) || c == ',') && field.Count(c => c == ',') == 1;
}
