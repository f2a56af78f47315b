using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Щотижневий звіт (§4.1: to the deputy of the direction and the heads of its executors): the direction's executors one
/// by one, and the direction in total.
/// </summary>
public static class WeeklyComplianceReport
{
    public const string TotalLabel = "Усього";

    public static ReportFile Write(ReportContext context, IReadOnlyList<ReportCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var workbook = context.NewWorkbook();
        ExecutorTable(context, workbook, workbook.Summary, workbook.NextSummaryRow, cards, withDirection: false);
        ComplianceDetails.Write(context, workbook, ReportWorkbook.CardsSheetName, cards, context.Run.Period, context.Run.Scope);
        return workbook.Save(context.FileName("xlsx"));
    }

    /// <summary>A row per executor of the scope (with zeros for one with nothing in the period) and the scope's total.</summary>
    public static void ExecutorTable(ReportContext context, ReportWorkbook workbook, ClosedXML.Excel.IXLWorksheet sheet, int headerRow, IReadOnlyList<ReportCard> cards, bool withDirection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workbook);
        var period = context.Run.Period;
        var scope = context.Run.Scope;
        var byExecutor = ComplianceCalculator.ComputeByExecutor(cards.Select(c => c.Facts), period);
        var executors = context.Directory.ExecutorsIn(scope)
            .Where(e => e.IsActive || byExecutor.ContainsKey(e.Id))
            .OrderBy(e => withDirection ? context.Directory.DirectionName(e.DirectionId) : string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.ShortName, StringComparer.Ordinal)
            .ToList();
        var rows = executors
            .Select(e => (Keys: withDirection
                    ? new object?[] { context.Directory.DirectionName(e.DirectionId), e.ShortName }
                    : new object?[] { e.ShortName },
                Figures: byExecutor.GetValueOrDefault(e.Id) ?? ComplianceFigures.Empty))
            .Append((Keys: withDirection ? new object?[] { null, TotalLabel } : new object?[] { TotalLabel }, Figures: context.Figures(cards, period, scope)));
        ReportColumn[] keys = withDirection
            ? [new ReportColumn("Напрямок", 28), new ReportColumn("Виконавець", 28)]
            : [new ReportColumn("Виконавець", 28)];
        workbook.FiguresTable(sheet, headerRow, keys, rows);
    }
}
