using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Лист керівнику виконавця (§4.1, last paragraph: "Відділ має право надсилати відповідні листи керівникам безпосередніх
/// виконавців … такі листи є обов'язковими для відповідного реагування"): a .docx letter from the Department listing the
/// executor's cards of the period that were late or poorly handled (<see cref="HandlingIssues"/>).
/// </summary>
public static class HeadLetterReport
{
    public const string Department = "Загальний відділ та інформаційного забезпечення";

    public static IReadOnlyList<(ReportCard Card, HandlingIssue Issues, CardStanding Standing, int Returns)> Select(IEnumerable<ReportCard> cards, ReportingPeriod period, ReportScope scope) =>
        cards
            .Where(c => ComplianceCalculator.BelongsTo(c.Facts, scope))
            .Select(c =>
            {
                var returns = c.ReturnedAt.Count(period.Contains);
                var facts = new HandlingFacts(c.Facts, returns, c.FailedChecksAt.Count(period.Contains));
                return (Card: c, Issues: HandlingIssues.Of(facts, period), Standing: ComplianceCalculator.StandingOf(c.Facts, period), Returns: returns);
            })
            .Where(x => x.Issues != HandlingIssue.None)
            .ToList();

    public static ReportFile Write(ReportContext context, IReadOnlyList<ReportCard> cards)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = context.Run.Period;
        var executor = context.Run.Scope.Id is { } id ? context.Directory.Executor(id) : null;
        var selected = Select(cards, period, context.Run.Scope);
        var periodText = ReportNaming.PeriodText(period);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);

            body.Append(Text(Department, bold: true, align: JustificationValues.Center));
            body.Append(Text($"{KyivTime.Format(context.BuiltAt)[..10]}", align: JustificationValues.Left));
            body.Append(Text(string.Empty));
            body.Append(Text($"Керівнику: {executor?.Name ?? context.ScopeName}", bold: true, align: JustificationValues.Right));
            if (!string.IsNullOrWhiteSpace(executor?.HeadName))
            {
                body.Append(Text(executor.HeadName, bold: true, align: JustificationValues.Right));
            }

            body.Append(Text(string.Empty));
            body.Append(Text("Щодо неналежного та несвоєчасного опрацювання звернень громадян", bold: true, align: JustificationValues.Center));
            body.Append(Text(string.Empty));
            if (selected.Count == 0)
            {
                body.Append(Text($"За період {periodText} порушень строків і якості опрацювання звернень громадян, що надійшли через Контакт-Центр, не виявлено.", align: JustificationValues.Both));
            }
            else
            {
                body.Append(Text(
                    $"Відповідно до п. 4.1 Регламенту роботи Контакт-Центру повідомляємо, що за період {periodText} не забезпечено належного та своєчасного опрацювання таких звернень ({selected.Count}):",
                    align: JustificationValues.Both));
                body.Append(CardsTable(context, selected, period));
                body.Append(Text(string.Empty));
                body.Append(Text(
                    "Просимо вжити заходів щодо вирішення зазначених звернень по суті та щодо посадових осіб, винних у неналежному або несвоєчасному їх опрацюванні, і поінформувати Відділ про вжиті заходи. Відповідно до п. 4.1 Регламенту цей лист є обов'язковим для відповідного реагування.",
                    align: JustificationValues.Both));
            }

            body.Append(Text(string.Empty));
            body.Append(Text($"Начальник відділу ____________________", align: JustificationValues.Left));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 850U, Bottom = 1134, Left = 1418U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document.Save();
        }

        return new ReportFile(context.FileName("docx"), ReportFile.Docx, stream.ToArray());
    }

    private static Table CardsTable(ReportContext context, IReadOnlyList<(ReportCard Card, HandlingIssue Issues, CardStanding Standing, int Returns)> selected, ReportingPeriod period)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(true, "№ з/п", "Реєстраційний номер", "Дата реєстрації", "Питання, адреса", "Строк виконання", "Стан", "Порушення"));
        var n = 1;
        foreach (var (card, issues, standing, returns) in selected)
        {
            var facts = card.Facts;
            var judgedAt = facts.ClosedAt is { } closedAt && period.Contains(closedAt) ? closedAt : period.To;
            table.Append(Row(
                false,
                (n++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                card.Number,
                KyivTime.Format(facts.RegisteredAt),
                $"{context.Directory.ProblemName(card.ProblemId)}; {card.ProblemAddress}",
                KyivTime.Format(facts.DueAtAsOf(judgedAt)),
                AppealNames.Of(card.Status),
                HandlingIssues.Describe(issues, standing.DaysOverdue, returns)));
        }

        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var text in cells)
        {
            row.Append(new TableCell(Text(text, bold: header, size: 20)));
        }

        return row;
    }

    private static Paragraph Text(string text, bool bold = false, JustificationValues? align = null, int size = 26)
    {
        var runProperties = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.PrependChild(new Bold());
        }

        var paragraph = new Paragraph();
        if (align is { } justification)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = justification }));
        }

        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>Times New Roman throughout: the usual face of the council's official letters.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new Languages { Val = "uk-UA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }
}
