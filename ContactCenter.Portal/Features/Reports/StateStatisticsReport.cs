using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Статистика звернень за класифікатором (CMU resolution No. 858): quarterly counts by the attributes of the state
/// classifier for the council's official reporting, with the cards they were counted from and a plain list of what the
/// card does not record (<see cref="StateClassifier.NotDerived"/>).
/// </summary>
public static class StateStatisticsReport
{
    public const string AttributeHeader = "Ознака класифікатора";
    public const string ValueHeader = "Значення";
    public const string CountHeader = "Кількість";
    public const string NotDerivedTitle = "Не визначається з картки звернення:";

    public static ReportFile Write(ReportContext context, IReadOnlyList<StateCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = context.Run.Period;
        var counts = StateClassifier.Count(cards.Select(c => c.Facts), period);

        using var workbook = context.NewWorkbook();
        workbook.NextSummaryRow = workbook.Table(
            workbook.Summary,
            workbook.NextSummaryRow,
            [new ReportColumn(AttributeHeader, 34), new ReportColumn(ValueHeader, 52), new ReportColumn(CountHeader, 12, ColumnKind.Count)],
            counts.Select(c => new object?[] { StateClassifier.NameOf(c.Attribute), c.Value, c.Count })) + 1;
        workbook.SummaryText(NotDerivedTitle, bold: true);
        foreach (var line in StateClassifier.NotDerived)
        {
            workbook.SummaryText("• " + line);
        }

        workbook.Table(
            workbook.AddSheet(ReportWorkbook.CardsSheetName),
            1,
            [
                new ReportColumn("Реєстраційний номер", 14, ColumnKind.CardLink),
                new ReportColumn("Дата реєстрації", 16, ColumnKind.Date),
                new ReportColumn("Закрито", 16, ColumnKind.Date),
                new ReportColumn("Питання", 32),
                new ReportColumn("Виконавець", 22),
                new ReportColumn(StateClassifier.NameOf(StateAttribute.Form), 30),
                new ReportColumn(StateClassifier.NameOf(StateAttribute.Sign), 14),
                new ReportColumn(StateClassifier.NameOf(StateAttribute.Kind), 20),
                new ReportColumn(StateClassifier.NameOf(StateAttribute.AuthorCategory), 24),
                new ReportColumn(StateClassifier.NameOf(StateAttribute.PrivilegedCategory), 24),
                new ReportColumn(StateClassifier.NameOf(StateAttribute.Result), 26),
            ],
            cards.Select(c =>
            {
                var received = period.Contains(c.Facts.RegisteredAt);
                return new object?[]
                {
                    c.Number,
                    c.Facts.RegisteredAt,
                    c.Facts.ClosedAt,
                    context.Directory.ProblemName(c.ProblemId),
                    context.Directory.ExecutorName(c.ExecutorId),
                    received ? StateClassifier.FormOf(c.Facts.Channel) : null,
                    received ? Domain.Appeals.AppealNames.Of(c.Facts.Sign) : null,
                    received ? Domain.Appeals.AppealNames.Of(c.Facts.Kind) : null,
                    received ? Domain.Appeals.AppealNames.Of(c.Facts.AuthorCategory) : null,
                    received ? Domain.Appeals.AppealNames.Of(c.Facts.Privilege) : null,
                    StateClassifier.ResultOf(c.Facts, period),
                };
            }));
        return workbook.Save(context.FileName("xlsx"));
    }
}
