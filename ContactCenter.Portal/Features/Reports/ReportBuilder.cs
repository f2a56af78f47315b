using ClosedXML.Excel;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>Builds the file of one report run: the one entry point the schedule, the archive and the Department's on-demand builds call.</summary>
public sealed class ReportBuilder(TimeProvider clock)
{
    public static string TitleOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCompliance => "Щоденний звіт про виконання звернень",
        ReportKind.WeeklyCompliance => "Щотижневий звіт про виконання звернень",
        ReportKind.MonthlyCompliance => "Щомісячний звіт про виконання звернень",
        ReportKind.AnalyticalNote => "Аналітична записка міському голові",
        ReportKind.WeeklyUnresolved => "Звіт про невирішені звернення",
        ReportKind.StateStatistics => "Статистика звернень громадян за класифікатором",
        ReportKind.HeadLetter => "Лист керівнику виконавця",
        ReportKind.Register => "Реєстр звернень",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public Task<ReportFile> BuildAsync(ReportRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Зведення");
        sheet.Cell(1, 1).Value = TitleOf(run.Kind);
        sheet.Cell(2, 1).Value = $"Період: {KyivTime.Format(run.Period.From)} — {KyivTime.Format(run.Period.To)}";
        sheet.Cell(3, 1).Value = $"Сформовано: {KyivTime.Format(clock.GetUtcNow())}";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return Task.FromResult(new ReportFile($"{run.Kind}-{run.Period.From:yyyyMMdd}.xlsx", ReportFile.Xlsx, stream.ToArray()));
    }
}
