using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Щомісячний звіт (§4.1: to the deputies and the manager of affairs): for a direction, its executors and its total;
/// for the whole community, every direction and the total on the summary, and every executor on a sheet of its own.
/// </summary>
public static class MonthlyComplianceReport
{
    public const string ExecutorsSheet = "Виконавці";
    public const string CommunityTotalLabel = "Усього по громаді";

    public static ReportFile Write(ReportContext context, IReadOnlyList<ReportCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = context.Run.Period;
        using var workbook = context.NewWorkbook();
        if (context.Run.Scope.Kind == ScopeKind.Community)
        {
            var rows = context.Directory.Directions
                .Select(d => (Keys: new object?[] { d.Name }, Figures: context.Figures(cards, period, ReportScope.Direction(d.Id))))
                .Append((Keys: new object?[] { CommunityTotalLabel }, Figures: context.Figures(cards, period, ReportScope.Community)));
            workbook.FiguresTable(workbook.Summary, workbook.NextSummaryRow, [new ReportColumn("Напрямок", 34)], rows);
            WeeklyComplianceReport.ExecutorTable(context, workbook, workbook.AddSheet(ExecutorsSheet), 1, cards, withDirection: true);
        }
        else
        {
            WeeklyComplianceReport.ExecutorTable(context, workbook, workbook.Summary, workbook.NextSummaryRow, cards, withDirection: false);
        }

        ComplianceDetails.Write(context, workbook, ReportWorkbook.CardsSheetName, cards, period, context.Run.Scope);
        return workbook.Save(context.FileName("xlsx"));
    }
}
