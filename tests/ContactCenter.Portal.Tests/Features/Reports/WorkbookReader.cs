using ClosedXML.Excel;
using ContactCenter.Portal.Features.Reports;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>Reads a report back the way a person would: a table by its header text, a row by its label, a value by its column's header.</summary>
public sealed class WorkbookReader : IDisposable
{
    private readonly XLWorkbook book;

    public WorkbookReader(ReportFile file)
    {
        Assert.Equal(ReportFile.Xlsx, file.ContentType);
        book = new XLWorkbook(new MemoryStream(file.Content));
    }

    public XLWorkbook Book => book;

    public IXLWorksheet Sheet(string name) => book.Worksheet(name);

    public void Dispose() => book.Dispose();
}

/// <summary>A table of a sheet found by one of its header texts.</summary>
public sealed class SheetTable
{
    private readonly Dictionary<string, int> columns;

    public SheetTable(IXLWorksheet sheet, string header)
    {
        Sheet = sheet;
        var cell = sheet.CellsUsed().FirstOrDefault(c => c.GetString() == header)
            ?? throw new InvalidOperationException($"No header «{header}» on the sheet «{sheet.Name}».");
        HeaderRow = cell.Address.RowNumber;
        columns = sheet.Row(HeaderRow).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var last = HeaderRow;
        while (!sheet.Row(last + 1).IsEmpty())
        {
            last++;
        }

        Rows = Enumerable.Range(HeaderRow + 1, last - HeaderRow).ToList();
    }

    public IXLWorksheet Sheet { get; }

    public int HeaderRow { get; }

    public IReadOnlyList<int> Rows { get; }

    public IReadOnlyCollection<string> Headers => columns.Keys;

    public int Column(string header) => columns.TryGetValue(header, out var c)
        ? c
        : throw new InvalidOperationException($"No column «{header}» in {string.Join(" | ", columns.Keys)}.");

    public IXLCell Cell(int row, string header) => Sheet.Cell(row, Column(header));

    /// <summary>The row whose <paramref name="keyHeader"/> cell reads <paramref name="key"/>.</summary>
    public int RowOf(string keyHeader, string key) => Rows.Single(r => Cell(r, keyHeader).GetString() == key);

    public decimal? Number(int row, string header)
    {
        var cell = Cell(row, header);
        return cell.IsEmpty() ? null : Math.Round((decimal)cell.GetDouble(), 4);
    }

    public string Text(int row, string header) => Cell(row, header).GetString();

    /// <summary>The values of <paramref name="headers"/> in a row, for one assertion.</summary>
    public decimal?[] Numbers(int row, IEnumerable<string> headers) => headers.Select(h => Number(row, h)).ToArray();

    /// <summary>The values of the key column in the rows where <paramref name="flagHeader"/> is filled.</summary>
    public IReadOnlyList<string> KeysWhere(string keyHeader, string flagHeader) =>
        Rows.Where(r => !Cell(r, flagHeader).IsEmpty()).Select(r => Cell(r, keyHeader).GetString()).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Keys(string keyHeader) => Rows.Select(r => Cell(r, keyHeader).GetString()).Order(StringComparer.Ordinal).ToList();
}
