using System.Globalization;
using ClosedXML.Excel;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>An uploaded workbook in the layout of <see cref="ExportClassifier"/>.</summary>
public sealed record ImportClassifierCommand(Stream Workbook);

public sealed record ImportClassifierSummary(int Created, int Updated);

/// <summary>
/// Reads the classifier workbook, checks every row (section, executor, term, duplicate codes) and, only when all rows are
/// good, creates or updates the problems by code in one save. One bad row changes nothing: every error is listed with its row.
/// Descriptions, routes and activity of existing problems are kept.
/// </summary>
public sealed class ImportClassifier(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<ImportClassifier> logger)
{
    public const string ErrorCode = "import";

    private sealed record Row(int Number, string Code, string Name, ClassifierSection Section, Executor Executor, NormativeTerm Term, bool NeedsStudy, string Keywords);

    public async Task<AdminResult<ImportClassifierSummary>> HandleAsync(ImportClassifierCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier import refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        using var buffer = new MemoryStream();
        await command.Workbook.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Classifier import by {Actor}: not a workbook", actor.Id);
            return Fail("Файл не вдалося прочитати як книгу Excel (.xlsx).");
        }

        using (workbook)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var sections = await db.ClassifierSections.AsNoTracking().ToListAsync(cancellationToken);
            var executors = await db.Executors.AsNoTracking().ToListAsync(cancellationToken);
            var (rows, errors) = Read(workbook, sections, executors);
            if (errors.Count > 0)
            {
                logger.LogWarning("Classifier import by {Actor} ({ActorName}) refused: {Count} errors", actor.Id, actor.Name, errors.Count);
                return new AdminResult<ImportClassifierSummary>(null, errors.Select(m => new Error(ErrorCode, m)).ToList());
            }

            var codes = rows.Select(r => r.Code).ToList();
            var existing = await db.ClassifierProblems.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, cancellationToken);
            int created = 0, updated = 0;
            foreach (var row in rows)
            {
                if (existing.TryGetValue(row.Code, out var problem))
                {
                    problem.Rename(row.Name);
                    problem.MoveToSection(row.Section.Id);
                    if (problem.DefaultExecutorId != row.Executor.Id)
                    {
                        problem.ChangeDefaultExecutor(row.Executor.Id);
                    }

                    problem.ChangeTerm(row.Term, row.NeedsStudy);
                    problem.ChangeKeywords(row.Keywords);
                    updated++;
                }
                else
                {
                    db.ClassifierProblems.Add(new ClassifierProblem(
                        Guid.NewGuid(), row.Code, row.Name, row.Section.Id, row.Executor.Id, row.Term, row.NeedsStudy, row.Keywords));
                    created++;
                }
            }

            // One SaveChanges is one transaction: either every row is written or none.
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Classifier imported by {Actor} ({ActorName}): {Created} created, {Updated} updated",
                actor.Id, actor.Name, created, updated);
            return new AdminResult<ImportClassifierSummary>(new ImportClassifierSummary(created, updated), []);
        }
    }

    private static AdminResult<ImportClassifierSummary> Fail(string message) => new(null, [new Error(ErrorCode, message)]);

    private static (List<Row> Rows, List<string> Errors) Read(XLWorkbook workbook, IReadOnlyList<ClassifierSection> sections, IReadOnlyList<Executor> executors)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        if (!workbook.TryGetWorksheet(ClassifierWorkbook.SheetName, out var sheet))
        {
            if (workbook.Worksheets.Count == 0)
            {
                errors.Add("У книзі немає жодного аркуша.");
                return (rows, errors);
            }

            sheet = workbook.Worksheet(1);
        }

        for (var c = 0; c < ClassifierWorkbook.Headers.Count; c++)
        {
            var header = sheet.Cell(1, c + 1).GetString().Trim();
            if (!string.Equals(header, ClassifierWorkbook.Headers[c], StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Рядок 1: у стовпці {c + 1} очікується заголовок «{ClassifierWorkbook.Headers[c]}», а не «{header}». Використайте файл, отриманий експортом.");
            }
        }

        if (errors.Count > 0)
        {
            return (rows, errors);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            var cells = Enumerable.Range(1, ClassifierWorkbook.Headers.Count).Select(c => sheet.Cell(r, c)).ToList();
            if (cells.All(c => string.IsNullOrWhiteSpace(c.GetString())))
            {
                continue;
            }

            var rowErrors = new List<string>();
            var code = cells[0].GetString().Trim();
            var name = cells[2].GetString().Trim();
            SaveClassifierProblem.CheckCodeAndName(code, name, (_, message) => rowErrors.Add(message));
            if (code.Length > 0)
            {
                if (seen.TryGetValue(code, out var first))
                {
                    rowErrors.Add($"код «{code}» повторюється (уже є в рядку {first}).");
                }
                else
                {
                    seen[code] = r;
                }
            }

            var sectionText = cells[1].GetString().Trim();
            var section = sections.FirstOrDefault(s => string.Equals(s.Name, sectionText, StringComparison.OrdinalIgnoreCase))
                ?? sections.FirstOrDefault(s => string.Equals(s.Code, sectionText, StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                rowErrors.Add(sectionText.Length == 0 ? "не вказано розділ." : $"невідомий розділ «{sectionText}».");
            }

            var executorText = cells[3].GetString().Trim();
            var executor = executors.FirstOrDefault(e => string.Equals(e.Name, executorText, StringComparison.OrdinalIgnoreCase))
                ?? executors.FirstOrDefault(e => string.Equals(e.ShortName, executorText, StringComparison.OrdinalIgnoreCase));
            if (executor is null)
            {
                rowErrors.Add(executorText.Length == 0 ? "не вказано виконавця." : $"невідомий виконавець «{executorText}».");
            }
            else if (!executor.IsActive)
            {
                rowErrors.Add($"виконавець «{executor.Name}» неактивний.");
            }

            NormativeTerm? term = null;
            var value = ReadWholeNumber(cells[4]);
            var unit = ClassifierWorkbook.ParseUnit(cells[5].GetString());
            if (value is null)
            {
                rowErrors.Add($"строк «{cells[4].GetString()}» має бути цілим числом.");
            }
            else if (unit is null)
            {
                rowErrors.Add($"одиниця строку «{cells[5].GetString()}»: вкажіть «{ClassifierWorkbook.DaysWord}» або «{ClassifierWorkbook.HoursWord}».");
            }
            else
            {
                var checkedTerm = ClassifierProblem.CheckTerm(value.Value, unit.Value);
                if (checkedTerm.IsSuccess)
                {
                    term = checkedTerm.Value;
                }
                else
                {
                    rowErrors.Add(LowerFirst(checkedTerm.Error.Message));
                }
            }

            var study = cells[6].DataType == XLDataType.Boolean ? cells[6].GetBoolean() : ClassifierWorkbook.ParseYesNo(cells[6].GetString());
            if (study is null)
            {
                rowErrors.Add($"«Потребує додаткового вивчення»: вкажіть «{ClassifierWorkbook.Yes}» або «{ClassifierWorkbook.No}».");
            }

            var keywords = ClassifierProblem.NormalizeKeywords(cells[7].GetString());
            if (keywords.Length > SaveClassifierProblem.MaxKeywords)
            {
                rowErrors.Add($"ключові слова — не довше {SaveClassifierProblem.MaxKeywords} символів.");
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => $"Рядок {r}: {LowerFirst(e)}"));
                continue;
            }

            rows.Add(new Row(r, code, name, section!, executor!, term!, study!.Value, keywords));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add("У файлі немає жодного рядка з питаннями.");
        }

        return (rows, errors);
    }

    private static int? ReadWholeNumber(IXLCell cell)
    {
        if (cell.DataType == XLDataType.Number)
        {
            var number = cell.GetDouble();
            return number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
        }

        return int.TryParse(cell.GetString().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string LowerFirst(string text) =>
        text.Length > 0 && char.IsUpper(text[0]) && !(text.Length > 1 && char.IsUpper(text[1]))
            ? char.ToLower(text[0], CultureInfo.GetCultureInfo("uk-UA")) + text[1..]
            : text;
}
