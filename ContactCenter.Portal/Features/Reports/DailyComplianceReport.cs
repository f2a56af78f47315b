using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Щоденний звіт (§4.1: "щодня формується електронна звітність … направляється керівникам виконавців"): one executor's
/// figures for the day and for the month to date, and the cards behind each.
/// </summary>
public static class DailyComplianceReport
{
    public const string DaySheet = "Картки";
    public const string MonthSheet = "Картки з початку місяця";

    /// <summary>From the first day of the day's Kyiv month to the day's end.</summary>
    public static ReportingPeriod MonthToDate(ReportingPeriod day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var local = ReportNaming.Local(day.From);
        var month = ReportingPeriod.Month(local.Year, local.Month, DeadlinePolicy.Kyiv);
        return new ReportingPeriod(month.From < day.From ? month.From : day.From, day.To);
    }

    public static ReportFile Write(ReportContext context, IReadOnlyList<ReportCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        var day = context.Run.Period;
        var monthToDate = MonthToDate(day);
        var scope = context.Run.Scope;
        using var workbook = context.NewWorkbook();
        workbook.FiguresTable(
            workbook.Summary,
            workbook.NextSummaryRow,
            [new ReportColumn("Період", 30)],
            [
                ([$"За добу {ReportNaming.PeriodText(day)}"], context.Figures(cards, day, scope)),
                ([$"З початку місяця {ReportNaming.PeriodText(monthToDate)}"], context.Figures(cards, monthToDate, scope)),
            ]);
        ComplianceDetails.Write(context, workbook, DaySheet, cards, day, scope);
        ComplianceDetails.Write(context, workbook, MonthSheet, cards, monthToDate, scope);
        return workbook.Save(context.FileName("xlsx"));
    }
}
