using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Реєстр звернень: every card registered in the period, one row each, for the Department's own analysis. A month of a
/// large city is ~100,000 cards, so the rows are streamed from an AsNoTracking query straight into SpreadCheetah and
/// never held together in memory (ClosedXML needs ~1.4 GB for that; dependencies.md, pitfall 5).
/// </summary>
/// <remarks>
/// No personal data of the applicant: no name, residence, phone, e-mail, privileged or social category, and not the
/// essence of the appeal either, which is free text and often names people. The register travels as a file, outside
/// the portal's access checks, and the Department's analysis needs what, where, who and when — not who asked (Law art.
/// 10). The problem's address stays: it is where the work is, and without it the register cannot be analysed by place.
/// </remarks>
public sealed class RegisterReport(IDbContextFactory<ContactCenterDbContext> dbFactory)
{
    public const string RegisterSheet = "Реєстр";
    public const string CountLabel = "Карток у реєстрі";

    public static readonly IReadOnlyList<(string Header, double Width)> Columns =
    [
        ("Реєстраційний номер", 14),
        ("Дата реєстрації", 16),
        ("Канал надходження", 14),
        ("Вид звернення", 20),
        ("Ознака надходження", 14),
        ("Питання", 36),
        ("Адреса проблеми", 32),
        ("Виконавець", 24),
        ("Напрямок", 24),
        ("Статус", 22),
        ("Строк виконання", 16),
        ("Закрито", 16),
        ("Результат", 22),
        ("Днів прострочення", 12),
        ("Продовжень строку", 12),
        ("Включено до планів СЕР", 16),
    ];

    public async Task<ReportFile> WriteAsync(ReportContext context, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.Run.Period.From.ToUniversalTime();
        var to = context.Run.Period.To.ToUniversalTime();
        var now = context.BuiltAt;
        var directory = context.Directory;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inPeriod = InPeriod(db, from, to);
        var total = await inPeriod.CountAsync(cancellationToken);

        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var header = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xDD, 0xEB, 0xF7) }, Alignment = { WrapText = true } });
            var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(ReportWorkbook.DateFormat) });
            var count = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0") });

            // The summary first, like every report: what, for when, when built, how many.
            var summaryOptions = new WorksheetOptions();
            summaryOptions.Column(1).Width = 20;
            summaryOptions.Column(2).Width = 30;
            await spreadsheet.StartWorksheetAsync(ReportWorkbook.SummarySheetName, summaryOptions, cancellationToken);
            await spreadsheet.AddRowAsync([new Cell(context.Title, bold)], cancellationToken);
            await spreadsheet.AddRowAsync([new Cell("Період:", bold), new Cell(ReportNaming.PeriodText(context.Run.Period))], cancellationToken);
            await spreadsheet.AddRowAsync([new Cell("Охоплення:", bold), new Cell(context.ScopeName)], cancellationToken);
            await spreadsheet.AddRowAsync([new Cell("Сформовано:", bold), new Cell(ReportNaming.Local(now), date)], cancellationToken);
            await spreadsheet.AddRowAsync([new Cell(CountLabel + ":", bold), new Cell(total, count)], cancellationToken);

            var options = new WorksheetOptions
            {
                FrozenRows = 1,
                AutoFilter = new AutoFilterOptions($"A1:{SpreadsheetUtility.GetColumnName(Columns.Count)}1"),
            };
            for (var c = 0; c < Columns.Count; c++)
            {
                options.Column(c + 1).Width = Columns[c].Width;
            }

            await spreadsheet.StartWorksheetAsync(RegisterSheet, options, cancellationToken);
            await spreadsheet.AddHeaderRowAsync(Columns.Select(c => c.Header).ToArray(), header, cancellationToken);

            var rows = Rows(inPeriod).AsAsyncEnumerable();

            // One row of cells reused for every card: SpreadCheetah copies the values out as the row is added.
            var cells = new Cell[Columns.Count];
            var written = 0;
            await foreach (var r in rows.WithCancellation(cancellationToken))
            {
                var daysOverdue = r.ClosedAt is { } closedAt
                    ? Lateness.DaysPast(r.DueAt, closedAt)
                    : r.SerPlanIncludedAt is null ? Lateness.DaysPast(r.DueAt, now) : 0;
                cells[0] = new Cell(r.Number);
                cells[1] = new Cell(ReportNaming.Local(r.RegisteredAt), date);
                cells[2] = new Cell(AppealNames.Of(r.Channel));
                cells[3] = new Cell(AppealNames.Of(r.Kind));
                cells[4] = new Cell(AppealNames.Of(r.Sign));
                cells[5] = new Cell(directory.ProblemName(r.ProblemId));
                cells[6] = new Cell(r.ProblemAddress);
                cells[7] = new Cell(directory.ExecutorName(r.ExecutorId));
                cells[8] = new Cell(directory.DirectionName(r.DirectionId));
                cells[9] = new Cell(AppealNames.Of(r.Status));
                cells[10] = new Cell(ReportNaming.Local(r.DueAt), date);
                cells[11] = r.ClosedAt is { } closed ? new Cell(ReportNaming.Local(closed), date) : default;
                cells[12] = r.Result is { } result ? new Cell(AppealNames.Of(result)) : default;
                cells[13] = daysOverdue > 0 ? new Cell(daysOverdue, count) : default;
                cells[14] = r.ExtensionCount > 0 ? new Cell(r.ExtensionCount, count) : default;
                cells[15] = r.SerPlanIncludedAt is { } ser ? new Cell(ReportNaming.Local(ser), date) : default;
                await spreadsheet.AddRowAsync(cells, cancellationToken);
                written++;
                if (total > 0 && written % 2000 == 0)
                {
                    progress?.Report(Math.Min(99, 10 + (int)(written * 89L / total)));
                }
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return new ReportFile(context.FileName("xlsx"), ReportFile.Xlsx, stream.ToArray());
    }

    /// <summary>The cards registered in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static IQueryable<Appeal> InPeriod(ContactCenterDbContext db, DateTimeOffset from, DateTimeOffset to) =>
        db.Appeals.AsNoTracking().Where(a => a.RegisteredAt >= from && a.RegisteredAt < to);

    /// <summary>What the register reads of each card, in its order (the benchmark reads the same as its baseline).</summary>
    public static IQueryable<RegisterRow> Rows(IQueryable<Appeal> cards) => cards
        .OrderBy(a => a.RegisteredAt)
        .ThenBy(a => a.NumberSequence)
        .Select(a => new RegisterRow(
            a.Number,
            a.RegisteredAt,
            a.Channel,
            a.Kind,
            a.Sign,
            a.ProblemId,
            a.ProblemAddress,
            a.ExecutorId,
            a.DirectionId,
            a.Status,
            a.DueAt,
            a.ClosedAt,
            a.Result,
            a.ExtensionCount,
            a.SerPlanIncludedAt));
}

/// <summary>One card as the register lists it.</summary>
public sealed record RegisterRow(
    string? Number,
    DateTimeOffset RegisteredAt,
    Channel Channel,
    AppealKind Kind,
    AppealSign Sign,
    Guid ProblemId,
    string ProblemAddress,
    Guid ExecutorId,
    Guid DirectionId,
    AppealStatus Status,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    AppealResult? Result,
    int ExtensionCount,
    DateTimeOffset? SerPlanIncludedAt);
