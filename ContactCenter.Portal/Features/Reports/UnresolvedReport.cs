using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Звіт про невирішені звернення (§4.1: weekly, to the deputies and the manager of affairs, "про звернення, що
/// залишились невирішеними на всіх рівнях контролю"): the cards that at the week's end are overdue, past an extended due
/// date, or returned to work more than once, with their executors.
/// </summary>
public static class UnresolvedReport
{
    public const string ExecutorsSheet = "Виконавці";
    public const string TotalLabel = "Усього невирішених карток";
    public const string ReasonHeader = "Ознака";
    public const string CountHeader = "Карток";
    public const string ReturnsHeader = "Повернень на доопрацювання";

    private static readonly UnresolvedReason[] Reasons =
        [UnresolvedReason.Overdue, UnresolvedReason.AdditionalControlBreached, UnresolvedReason.ReturnedRepeatedly];

    public static IReadOnlyList<(ReportCard Card, UnresolvedReason Reasons, int Returns)> Select(IEnumerable<ReportCard> cards, ReportScope scope, DateTimeOffset instant) =>
        cards
            .Where(c => ComplianceCalculator.BelongsTo(c.Facts, scope))
            .Select(c =>
            {
                var returns = c.ReturnedAt.Count(at => at < instant);
                return (Card: c, Reasons: UnresolvedControl.ReasonsAt(c.Facts, returns, instant), Returns: returns);
            })
            .Where(x => x.Reasons != UnresolvedReason.None)
            .ToList();

    public static ReportFile Write(ReportContext context, IReadOnlyList<ReportCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        var end = context.Run.Period.To;
        var unresolved = Select(cards, context.Run.Scope, end);

        using var workbook = context.NewWorkbook();
        workbook.SummaryText($"Стан на {ReportNaming.Local(end):dd.MM.yyyy HH:mm}");
        workbook.NextSummaryRow++;
        workbook.Table(
            workbook.Summary,
            workbook.NextSummaryRow,
            [new ReportColumn(ReasonHeader, 48), new ReportColumn(CountHeader, 12, ColumnKind.Count)],
            Reasons.Select(r => new object?[] { UnresolvedControl.NameOf(r), unresolved.Count(u => u.Reasons.HasFlag(r)) })
                .Append([TotalLabel, unresolved.Count]));

        var executorColumns = new List<ReportColumn> { new("Виконавець", 30), new(CountHeader, 12, ColumnKind.Count) };
        executorColumns.AddRange(Reasons.Select(r => new ReportColumn(UnresolvedControl.NameOf(r), 18, ColumnKind.Count)));
        workbook.Table(
            workbook.AddSheet(ExecutorsSheet),
            1,
            executorColumns,
            unresolved
                .GroupBy(u => u.Card.Facts.ExecutorId)
                .Select(g => (Name: context.Directory.ExecutorName(g.Key), Items: g.ToList()))
                .OrderByDescending(g => g.Items.Count)
                .ThenBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => new object?[] { g.Name, g.Items.Count }
                    .Concat(Reasons.Select(r => (object?)g.Items.Count(u => u.Reasons.HasFlag(r))))
                    .ToArray()));

        var cardColumns = ComplianceDetails.CardColumns.ToList();
        cardColumns.Add(new ReportColumn(ReturnsHeader, 14, ColumnKind.Count));
        cardColumns.AddRange(Reasons.Select(r => new ReportColumn(UnresolvedControl.NameOf(r), 18, ColumnKind.Count)));
        workbook.Table(
            workbook.AddSheet(ReportWorkbook.CardsSheetName),
            1,
            cardColumns,
            unresolved.Select(u =>
            {
                var row = new object?[cardColumns.Count];
                var standing = ComplianceCalculator.StandingOf(u.Card.Facts, context.Run.Period);
                ComplianceDetails.Describe(context, u.Card, context.Run.Period, standing, row);
                row[ComplianceDetails.CardColumns.Count] = u.Returns;
                for (var i = 0; i < Reasons.Length; i++)
                {
                    row[ComplianceDetails.CardColumns.Count + 1 + i] = u.Reasons.HasFlag(Reasons[i]) ? 1 : null;
                }

                return row;
            }));
        return workbook.Save(context.FileName("xlsx"));
    }
}
