using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// The details sheet of the compliance reports: every card behind the figures of the summary, one row each, with a
/// column per figure holding 1 where the card counts (the number of redirects for "redirected"). Filtering a figure's
/// column gives exactly its cards, and the column's sum is the figure.
/// </summary>
public static class ComplianceDetails
{
    public static readonly IReadOnlyList<ReportColumn> CardColumns =
    [
        new("Реєстраційний номер", 14, ColumnKind.CardLink),
        new("Дата реєстрації", 16, ColumnKind.Date),
        new("Питання", 36),
        new("Адреса проблеми", 32),
        new("Виконавець", 22),
        new("Статус", 20),
        new("Строк виконання", 16, ColumnKind.Date),
        new("Закрито", 16, ColumnKind.Date),
        new("Днів прострочення", 12, ColumnKind.Count),
    ];

    /// <summary>
    /// The most rows a details sheet lists. ClosedXML holds a workbook in memory (~1.4 GB and minutes for 100,000 rows
    /// with links, dependencies.md pitfall 5); a month of a large city passes this, and then the sheet keeps the cards
    /// that call for action and points to the register (<see cref="RegisterReport"/>), which streams every card.
    /// </summary>
    public const int FullListLimit = 20_000;

    public static void Write(ReportContext context, ReportWorkbook workbook, string sheetName, IEnumerable<ReportCard> cards, ReportingPeriod period, ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workbook);
        var columns = CardColumns.Concat(Figures.CardCounts.Select(f => new ReportColumn(Figures.NameOf(f), 13, ColumnKind.Count))).ToList();
        var sheet = workbook.AddSheet(sheetName);
        var rows = Rows(context, cards, period, scope).ToList();
        var headerRow = 1;
        if (rows.Count > FullListLimit)
        {
            var total = rows.Count;
            rows = rows
                .Where(r => r.CallsForAction)
                .OrderByDescending(r => r.DaysOverdue)
                .Take(FullListLimit)
                .ToList();
            sheet.Cell(1, 1).SetValue(
                $"Карток за період: {total}. Тут — {rows.Count} з них, що потребують реагування (виконані з порушенням строку, прострочені, " +
                "на додатковому контролі, у планах СЕР, переадресовані, повторні), за кількістю днів прострочення. " +
                "Повний перелік карток — у реєстрі звернень за цей період.");
            sheet.Cell(1, 1).Style.Font.Bold = true;
            headerRow = 3;
        }

        workbook.Table(sheet, headerRow, columns, rows.Select(r => r.Values));
    }

    private sealed record DetailRow(object?[] Values, bool CallsForAction, int DaysOverdue);

    /// <summary>The rows: a member card that counts in any figure, or any card redirected away from the scope in the period.</summary>
    private static IEnumerable<DetailRow> Rows(ReportContext context, IEnumerable<ReportCard> cards, ReportingPeriod period, ReportScope scope)
    {
        foreach (var card in cards)
        {
            var facts = card.Facts;
            var member = ComplianceCalculator.BelongsTo(facts, scope);
            var standing = ComplianceCalculator.StandingOf(facts, period);
            var redirects = ComplianceCalculator.RedirectsAway(facts, period, scope, context.Directory.DirectionOfExecutor);
            if (!(member && standing.CountsInAnyFigure) && redirects == 0)
            {
                continue;
            }

            var row = new object?[CardColumns.Count + Figures.CardCounts.Count];
            Describe(context, card, period, standing, row);
            for (var i = 0; i < Figures.CardCounts.Count; i++)
            {
                var figure = Figures.CardCounts[i];
                row[CardColumns.Count + i] = figure == Figure.Redirected
                    ? (redirects > 0 ? redirects : null)
                    : (member && Figures.IsBehind(standing, figure) ? 1 : null);
            }

            var callsForAction = redirects > 0 || (member && (standing.ClosedLate || standing.Overdue || standing.UnderAdditionalControl || standing.InSerPlans || standing.RepeatReceived));
            yield return new DetailRow(row, callsForAction, standing.DaysOverdue);
        }
    }

    /// <summary>Fills the card columns: the due date is the one in force when the card was closed in the period, else at its end.</summary>
    public static void Describe(ReportContext context, ReportCard card, ReportingPeriod period, CardStanding standing, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(row);
        var facts = card.Facts;
        var judgedAt = facts.ClosedAt is { } closedAt && period.Contains(closedAt) ? closedAt : period.To;
        row[0] = card.Number;
        row[1] = facts.RegisteredAt;
        row[2] = context.Directory.ProblemName(card.ProblemId);
        row[3] = card.ProblemAddress;
        row[4] = context.Directory.ExecutorName(facts.ExecutorId);
        row[5] = AppealNames.Of(card.Status);
        row[6] = facts.DueAtAsOf(judgedAt);
        row[7] = facts.ClosedAt;
        row[8] = standing.DaysOverdue > 0 ? standing.DaysOverdue : null;
    }
}
