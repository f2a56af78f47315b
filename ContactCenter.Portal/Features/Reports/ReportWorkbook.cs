using ClosedXML.Excel;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>What a column of a report table holds, which decides its number format and alignment.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>A whole number (a count, days).</summary>
    Count,

    /// <summary>A ratio or average with one decimal.</summary>
    Decimal,

    /// <summary>A number in the general format (a column mixing counts and ratios).</summary>
    Number,

    /// <summary>A Kyiv-local date and time.</summary>
    Date,

    /// <summary>A registration number linking to the card in the portal.</summary>
    CardLink,
}

public sealed record ReportColumn(string Header, double Width, ColumnKind Kind = ColumnKind.Text);

/// <summary>
/// A formatted report workbook (ClosedXML): a summary sheet "Зведення" first, with the title, the period, the scope and
/// the build time, then tables with frozen header rows, filters, number and date formats and explicit column widths
/// (auto-fit needs native graphics libraries on Linux; dependencies.md, pitfall 3). Values are written as values, not
/// formulas, so every reader sees the numbers (pitfall 4).
/// </summary>
public sealed class ReportWorkbook : IDisposable
{
    public const string SummarySheetName = "Зведення";
    public const string CardsSheetName = "Картки";
    public const string DateFormat = "dd.MM.yyyy HH:mm";

    /// <summary>
    /// The most card links one table gets. ClosedXML 0.95.4 scans every link of the sheet when it adds one, so links
    /// cost quadratic time (20,000 took 15 s and 9 GB of allocations here); past this the number is plain text. The
    /// details sheets put the most overdue cards first when they are cut, so those keep their links.
    /// </summary>
    public const int LinkLimit = 5_000;

    private readonly XLWorkbook book = new();
    private readonly ReportLinks links;

    public ReportWorkbook(string title, string scopeName, ReportingPeriod period, DateTimeOffset builtAt, ReportLinks links)
    {
        ArgumentNullException.ThrowIfNull(period);
        this.links = links;
        Summary = book.AddWorksheet(SummarySheetName);
        Summary.Cell(1, 1).SetValue(title);
        Summary.Cell(1, 1).Style.Font.Bold = true;
        Summary.Cell(1, 1).Style.Font.FontSize = 14;
        Label(2, "Період", ReportNaming.PeriodText(period));
        Label(3, "Охоплення", scopeName);
        Label(4, "Сформовано", null);
        Summary.Cell(4, 2).SetValue(ReportNaming.Local(builtAt));
        Summary.Cell(4, 2).Style.NumberFormat.Format = DateFormat;
        Summary.Cell(4, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        NextSummaryRow = 6;
    }

    public IXLWorksheet Summary { get; }

    /// <summary>The first free row of the summary sheet below what was written on it.</summary>
    public int NextSummaryRow { get; set; }

    public IXLWorksheet AddSheet(string name) => book.AddWorksheet(name);

    /// <summary>A line of text on the summary (a note, a section title) at the next free row.</summary>
    public void SummaryText(string text, bool bold = false)
    {
        var cell = Summary.Cell(NextSummaryRow++, 1);
        cell.SetValue(text);
        cell.Style.Font.Bold = bold;
    }

    /// <summary>
    /// Writes a table with its header at <paramref name="headerRow"/> and returns the first row after it. The header is
    /// frozen and filtered when <paramref name="frozenAndFiltered"/> (one table per sheet can have the filter).
    /// </summary>
    public int Table(IXLWorksheet sheet, int headerRow, IReadOnlyList<ReportColumn> columns, IEnumerable<object?[]> rows, bool frozenAndFiltered = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var header = sheet.Cell(headerRow, c + 1);
            header.SetValue(column.Header);
            sheet.Column(c + 1).Width = Math.Max(sheet.Column(c + 1).Width, column.Width);
        }

        var headerRange = sheet.Range(headerRow, 1, headerRow, columns.Count);
        headerRange.Style.Font.Bold = true;
        headerRange.Style.Alignment.WrapText = true;
        headerRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        headerRange.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        headerRange.Style.Border.BottomBorder = XLBorderStyleValues.Thin;

        var row = headerRow + 1;
        foreach (var values in rows)
        {
            var linked = row - headerRow <= LinkLimit;
            for (var c = 0; c < columns.Count && c < values.Length; c++)
            {
                var kind = columns[c].Kind == ColumnKind.CardLink && !linked ? ColumnKind.Text : columns[c].Kind;
                Write(sheet.Cell(row, c + 1), kind, values[c]);
            }

            row++;
        }

        // Formats per column range rather than per cell: one style for thousands of cells.
        if (row > headerRow + 1)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var format = columns[c].Kind switch
                {
                    ColumnKind.Count => "0",
                    ColumnKind.Decimal => "0.0",
                    ColumnKind.Date => DateFormat,
                    _ => null,
                };
                if (format is not null)
                {
                    sheet.Range(headerRow + 1, c + 1, row - 1, c + 1).Style.NumberFormat.Format = format;
                }
            }
        }

        if (frozenAndFiltered)
        {
            sheet.SheetView.FreezeRows(headerRow);
            sheet.Range(headerRow, 1, Math.Max(row - 1, headerRow), columns.Count).SetAutoFilter();
        }

        return row;
    }

    /// <summary>The figures table: the leading key columns, then every figure of domain.md's table.</summary>
    public int FiguresTable(IXLWorksheet sheet, int headerRow, IReadOnlyList<ReportColumn> keyColumns, IEnumerable<(object?[] Keys, ComplianceFigures Figures)> rows, bool frozenAndFiltered = true)
    {
        var columns = keyColumns.Concat(Figures.All.Select(f => new ReportColumn(Figures.NameOf(f), 14, IsRatio(f) ? ColumnKind.Decimal : ColumnKind.Count))).ToList();
        return Table(
            sheet,
            headerRow,
            columns,
            rows.Select(r => r.Keys.Concat(Figures.All.Select(f => (object?)Figures.ValueOf(r.Figures, f))).ToArray()),
            frozenAndFiltered);
    }

    public static bool IsRatio(Figure figure) => figure is Figure.CompliancePercent or Figure.AverageResolutionDays;

    public ReportFile Save(string fileName)
    {
        Summary.Column(1).Width = Math.Max(Summary.Column(1).Width, 16);
        Summary.Column(2).Width = Math.Max(Summary.Column(2).Width, 24);
        Summary.SetTabActive();
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return new ReportFile(fileName, ReportFile.Xlsx, stream.ToArray());
    }

    public void Dispose() => book.Dispose();

    private void Label(int row, string label, string? value)
    {
        Summary.Cell(row, 1).SetValue(label + ":");
        Summary.Cell(row, 1).Style.Font.Bold = true;
        if (value is not null)
        {
            Summary.Cell(row, 2).SetValue(value);
        }
    }

    private void Write(IXLCell cell, ColumnKind kind, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text when kind == ColumnKind.CardLink:
                cell.SetValue(text);
                cell.Hyperlink = new XLHyperlink(links.Card(text));
                return;
            case string text:
                cell.SetValue(text);
                return;
            case DateTimeOffset instant:
                cell.SetValue(ReportNaming.Local(instant));
                return;
            case int number:
                cell.SetValue(number);
                return;
            case decimal number:
                cell.SetValue(number);
                return;
            case double number:
                cell.SetValue(number);
                return;
            default:
                cell.SetValue(value.ToString());
                return;
        }
    }
}
