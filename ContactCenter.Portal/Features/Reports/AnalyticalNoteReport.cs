using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Аналітична довідка міському голові (§4.1: "кожного місяця … у порівнянні з попереднім періодом"): every figure of the
/// community for the month beside the previous month with its change, the most frequent problems, the executors with
/// the most overdue cards, the repeated appeals, and the cards of the month.
/// </summary>
public static class AnalyticalNoteReport
{
    public const string ProblemsSheet = "Проблеми";
    public const string ExecutorsSheet = "Виконавці";
    public const string RepeatsSheet = "Повторні";
    public const string FigureHeader = "Показник";
    public const string ChangeHeader = "Зміна";
    public const string TrendHeader = "Оцінка";

    /// <summary>The two months the note reads: the cards must cover both.</summary>
    public static ReportingPeriod Span(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new ReportingPeriod(period.Previous().From, period.To);
    }

    public static ReportFile Write(ReportContext context, IReadOnlyList<ReportCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.Run.Period;
        var previous = current.Previous();
        var scope = context.Run.Scope;
        var now = context.Figures(cards, current, scope);
        var before = context.Figures(cards, previous, scope);
        var currentName = ReportNaming.MonthText(current);
        var previousName = ReportNaming.MonthText(previous);

        using var workbook = context.NewWorkbook();
        workbook.SummaryText($"Порівняння з попереднім періодом ({previousName})", bold: true);
        workbook.NextSummaryRow++;
        workbook.Table(
            workbook.Summary,
            workbook.NextSummaryRow,
            [
                new ReportColumn(FigureHeader, 34),
                new ReportColumn(previousName, 16, ColumnKind.Number),
                new ReportColumn(currentName, 16, ColumnKind.Number),
                new ReportColumn(ChangeHeader, 12, ColumnKind.Number),
                new ReportColumn(TrendHeader, 14),
            ],
            Figures.Compare(now, before).Select(c => new object?[] { Figures.NameOf(c.Figure), c.Previous, c.Current, c.Change, Figures.NameOf(c.Trend) }));

        var members = cards.Where(c => ComplianceCalculator.BelongsTo(c.Facts, scope)).ToList();
        var receivedNow = members.Where(c => current.Contains(c.Facts.RegisteredAt)).ToList();
        var receivedBefore = members.Where(c => previous.Contains(c.Facts.RegisteredAt)).ToList();

        // Top problems of the month, with the previous month's count beside them.
        var beforeByProblem = receivedBefore.GroupBy(c => c.ProblemId).ToDictionary(g => g.Key, g => g.Count());
        var topProblems = Ranking.Top(Ranking.CountBy(receivedNow, c => c.ProblemId, context.Directory.ProblemName));
        workbook.Table(
            workbook.AddSheet(ProblemsSheet),
            1,
            [new ReportColumn("Місце", 8, ColumnKind.Count), new ReportColumn("Питання (проблема)", 44), new ReportColumn(currentName, 14, ColumnKind.Count), new ReportColumn(previousName, 14, ColumnKind.Count)],
            topProblems.Select((p, i) => new object?[] { i + 1, p.Name, p.Count, beforeByProblem.GetValueOrDefault(p.Key) }));

        // The executors with the most overdue cards at the month's end.
        var byExecutor = ComplianceCalculator.ComputeByExecutor(members.Select(c => c.Facts), current);
        var topExecutors = Ranking.Top(byExecutor.Select(e => (e.Key, context.Directory.ExecutorName(e.Key), e.Value.Overdue)));
        workbook.Table(
            workbook.AddSheet(ExecutorsSheet),
            1,
            [
                new ReportColumn("Місце", 8, ColumnKind.Count),
                new ReportColumn("Виконавець", 30),
                new ReportColumn(Figures.NameOf(Figure.Overdue), 14, ColumnKind.Count),
                new ReportColumn(Figures.NameOf(Figure.ClosedLate), 16, ColumnKind.Count),
                new ReportColumn(Figures.NameOf(Figure.CompliancePercent), 16, ColumnKind.Decimal),
            ],
            topExecutors.Select((e, i) => new object?[] { i + 1, e.Name, e.Count, byExecutor[e.Key].ClosedLate, byExecutor[e.Key].CompliancePercent }));

        // Repeated appeals (§4.1: "повторних/неодноразових зверненнях з однієї причини"): each with the earlier card.
        var repeats = receivedNow.Where(c => c.Facts.IsRepeat).ToList();
        var repeatsSheet = workbook.AddSheet(RepeatsSheet);
        workbook.Table(
            repeatsSheet,
            1,
            [
                new ReportColumn("Реєстраційний номер", 14, ColumnKind.CardLink),
                new ReportColumn("Повторне до №", 14, ColumnKind.CardLink),
                new ReportColumn("Дата реєстрації", 16, ColumnKind.Date),
                new ReportColumn("Питання", 36),
                new ReportColumn("Адреса проблеми", 32),
                new ReportColumn("Виконавець", 22),
                new ReportColumn("Статус", 20),
            ],
            repeats.Select(c => new object?[]
            {
                c.Number, c.RepeatOfNumber, c.Facts.RegisteredAt, context.Directory.ProblemName(c.ProblemId), c.ProblemAddress,
                context.Directory.ExecutorName(c.Facts.ExecutorId), AppealNames.Of(c.Status),
            }));

        ComplianceDetails.Write(context, workbook, ReportWorkbook.CardsSheetName, cards, current, scope);
        return workbook.Save(context.FileName("xlsx"));
    }
}
