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

    public static void Write(ReportContext context, ReportWorkbook workbook, string sheetName, IEnumerable<ReportCard> cards, ReportingPeriod period, ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workbook);
        var columns = CardColumns.Concat(Figures.CardCounts.Select(f => new ReportColumn(Figures.NameOf(f), 13, ColumnKind.Count))).ToList();
        var sheet = workbook.AddSheet(sheetName);
        workbook.Table(sheet, 1, columns, Rows(context, cards, period, scope));
    }

    /// <summary>The rows: a member card that counts in any figure, or any card redirected away from the scope in the period.</summary>
    private static IEnumerable<object?[]> Rows(ReportContext context, IEnumerable<ReportCard> cards, ReportingPeriod period, ReportScope scope)
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

            yield return row;
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
