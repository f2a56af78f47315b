using ClosedXML.Excel;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record ClassifierFile(string FileName, byte[] Content);

/// <summary>The classifier as one Excel sheet, in the layout <see cref="ImportClassifier"/> reads back.</summary>
public sealed class ExportClassifier(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<ExportClassifier> logger)
{
    public async Task<AdminResult<ClassifierFile>> HandleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier export refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sections = await db.ClassifierSections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var executors = await db.Executors.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var problems = (await db.ClassifierProblems.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .ToList();

        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(ClassifierWorkbook.SheetName);
        for (var c = 0; c < ClassifierWorkbook.Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(ClassifierWorkbook.Headers[c]);
            sheet.Column(c + 1).Width = ClassifierWorkbook.Widths[c];
        }

        // Codes such as 01.010 are text: a number format would turn them into 1.01.
        sheet.Column(1).Style.NumberFormat.Format = "@";
        var row = 2;
        foreach (var p in problems)
        {
            sheet.Cell(row, 1).SetValue(p.Code);
            sheet.Cell(row, 1).DataType = XLDataType.Text;
            sheet.Cell(row, 2).SetValue(sections.GetValueOrDefault(p.SectionId, string.Empty));
            sheet.Cell(row, 3).SetValue(p.Name);
            sheet.Cell(row, 4).SetValue(executors.GetValueOrDefault(p.DefaultExecutorId, string.Empty));
            sheet.Cell(row, 5).SetValue(p.Term.Value);
            sheet.Cell(row, 6).SetValue(ClassifierWorkbook.UnitWord(p.Term.Unit));
            sheet.Cell(row, 7).SetValue(p.NeedsAdditionalStudy ? ClassifierWorkbook.Yes : ClassifierWorkbook.No);
            sheet.Cell(row, 8).SetValue(p.Keywords);
            row++;
        }

        var header = sheet.Range(1, 1, 1, ClassifierWorkbook.Headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, row - 1), ClassifierWorkbook.Headers.Count).SetAutoFilter();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var name = $"klasyfikator-{TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DeadlinePolicy.Kyiv):yyyyMMdd}.xlsx";
        logger.LogInformation("Classifier exported ({Count} problems) by {Actor} ({ActorName})", problems.Count, actor.Id, actor.Name);
        return new AdminResult<ClassifierFile>(new ClassifierFile(name, stream.ToArray()), []);
    }
}
