using ClosedXML.Excel;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Organisation;
using ContactCenter.Portal.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Admin;

public sealed class ClassifierAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ClassifierProblem> AddEmergencyAsync(AdminHost host)
    {
        var problem = new ClassifierProblem(
            Guid.NewGuid(), "01.010", "Підключення до мереж", host.Cards.Section.Id, host.Cards.Roads.Id, NormativeTerm.Hours(36), true, "підключення технічні умови");
        await using var db = host.Db();
        db.ClassifierProblems.Add(problem);
        await db.SaveChangesAsync(Ct);
        return problem;
    }

    private static byte[] Workbook(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(ClassifierWorkbook.SheetName);
        for (var c = 0; c < ClassifierWorkbook.Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(ClassifierWorkbook.Headers[c]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Export_WritesOneSheetWithUkrainianHeadersFrozenFilteredAndFixedWidths()
    {
        await using var host = await AdminHost.CreateAsync();
        await AddEmergencyAsync(host);

        var file = (await host.Get<ExportClassifier>().HandleAsync(host.Admin, Ct)).Value!;

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("Класифікатор", sheet.Name);
        Assert.Equal(
            ["Код", "Розділ", "Питання", "Виконавець", "Строк", "Одиниця", "Потребує додаткового вивчення", "Ключові слова"],
            Enumerable.Range(1, 8).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal(ClassifierWorkbook.Widths, Enumerable.Range(1, 8).Select(c => sheet.Column(c).Width));
        Assert.Equal(["01.001", "Водопостачання", "Відсутнє водопостачання", "КП «Водоканал»", "3", "дні", "ні", "вода"], Enumerable.Range(1, 8).Select(c => sheet.Cell(2, c).GetString()));
        Assert.Equal(["01.010", "Водопостачання", "Підключення до мереж", "КП «Благоустрій»", "36", "години", "так", "підключення технічні умови"], Enumerable.Range(1, 8).Select(c => sheet.Cell(3, c).GetString()));
        Assert.Equal(36, sheet.Cell(3, 5).GetDouble());
    }

    [Fact]
    public async Task ExportThenImport_AfterEditsInTheDatabase_RestoresTheExportedValues()
    {
        await using var host = await AdminHost.CreateAsync();
        var emergency = await AddEmergencyAsync(host);
        var exported = (await host.Get<ExportClassifier>().HandleAsync(host.Admin, Ct)).Value!;
        var edit = host.Get<SaveClassifierProblem>();
        var changed = await edit.HandleAsync(
            new(emergency.Id, "01.010", "Інша назва", host.Cards.Section.Id, host.Cards.Water.Id, 10, TermUnit.Days, false, "інше", "опис лишається"), host.Admin, Ct);
        Assert.True(changed.IsSuccess, string.Join("; ", changed.Errors));

        var imported = await host.Get<ImportClassifier>().HandleAsync(new(new MemoryStream(exported.Content)), host.Admin, Ct);

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        Assert.Equal(new ImportClassifierSummary(0, 2), imported.Value);
        await using var db = host.Db();
        var back = await db.ClassifierProblems.AsNoTracking().SingleAsync(p => p.Code == "01.010", Ct);
        Assert.Equal("Підключення до мереж", back.Name);
        Assert.Equal(host.Cards.Roads.Id, back.DefaultExecutorId);
        Assert.Equal(NormativeTerm.Hours(36), back.Term);
        Assert.True(back.NeedsAdditionalStudy);
        Assert.Equal("підключення технічні умови", back.Keywords);
        Assert.Equal("опис лишається", back.Description);

        // And the workbook exported again reads the same, value by value.
        var again = (await host.Get<ExportClassifier>().HandleAsync(host.Admin, Ct)).Value!;
        Assert.Equal(Values(exported.Content), Values(again.Content));
    }

    private static List<string> Values(byte[] content)
    {
        using var workbook = new XLWorkbook(new MemoryStream(content));
        var sheet = workbook.Worksheet(ClassifierWorkbook.SheetName);
        return sheet.RangeUsed()!.Cells().Select(c => $"{c.Address}={c.GetString()}").ToList();
    }

    [Fact]
    public async Task Import_NewAndExistingRows_CreatesAndUpdatesByCode()
    {
        await using var host = await AdminHost.CreateAsync();
        var content = Workbook(
            ["01.001", "Водопостачання", "Відсутнє холодне водопостачання", "Водоканал", 6, "год.", "ні", "вода, кран"],
            ["01.002", "01", "Низький тиск води", "КП «Благоустрій»", 5, "днів", "так", "тиск"]);

        var result = await host.Get<ImportClassifier>().HandleAsync(new(new MemoryStream(content)), host.Admin, Ct);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(new ImportClassifierSummary(1, 1), result.Value);
        await using var db = host.Db();
        var first = await db.ClassifierProblems.AsNoTracking().SingleAsync(p => p.Code == "01.001", Ct);
        Assert.Equal(("Відсутнє холодне водопостачання", NormativeTerm.Hours(6), "вода кран"), (first.Name, first.Term, first.Keywords));
        var created = await db.ClassifierProblems.AsNoTracking().SingleAsync(p => p.Code == "01.002", Ct);
        Assert.Equal((host.Cards.Roads.Id, NormativeTerm.Days(5), true, true), (created.DefaultExecutorId, created.Term, created.NeedsAdditionalStudy, created.IsActive));
    }

    [Fact]
    public async Task Import_WithOneBadRow_ChangesNothingAndNamesEveryBadRow()
    {
        await using var host = await AdminHost.CreateAsync();
        var content = Workbook(
            ["01.001", "Водопостачання", "Змінена назва", "Водоканал", 2, "дні", "ні", ""],
            ["01.002", "Водопостачання", "Нове питання", "КП «Неіснуюче»", 3, "дні", "ні", ""],
            ["01.003", "Водопостачання", "Ще одне", "Водоканал", 60, "дні", "ні", ""],
            ["01.004", "Невідомий розділ", "Ще одне", "Водоканал", 0, "тижні", "може", ""]);

        var result = await host.Get<ImportClassifier>().HandleAsync(new(new MemoryStream(content)), host.Admin, Ct);

        Assert.False(result.IsSuccess);
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Contains("Рядок 3: невідомий виконавець «КП «Неіснуюче»».", messages);
        Assert.Contains(messages, m => m.StartsWith("Рядок 4: строк не може перевищувати 45 днів", StringComparison.Ordinal));
        Assert.Contains("Рядок 5: невідомий розділ «Невідомий розділ».", messages);
        Assert.Contains(messages, m => m.StartsWith("Рядок 5: одиниця строку «тижні»", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Рядок 5: «Потребує додаткового вивчення»", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.StartsWith("Рядок 2", StringComparison.Ordinal));
        await using var db = host.Db();
        Assert.Equal("Відсутнє водопостачання", (await db.ClassifierProblems.SingleAsync(Ct)).Name);
    }

    [Fact]
    public async Task Import_ADuplicateCode_IsRefusedWithBothRows()
    {
        await using var host = await AdminHost.CreateAsync();
        var content = Workbook(
            ["01.005", "Водопостачання", "Перше", "Водоканал", 2, "дні", "ні", ""],
            ["01.005", "Водопостачання", "Друге", "Водоканал", 2, "дні", "ні", ""]);

        var result = await host.Get<ImportClassifier>().HandleAsync(new(new MemoryStream(content)), host.Admin, Ct);

        Assert.Equal(["Рядок 3: код «01.005» повторюється (уже є в рядку 2)."], result.Errors.Select(e => e.Message));
        await using var db = host.Db();
        Assert.Equal(1, await db.ClassifierProblems.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_NotAWorkbook_IsRefusedInUkrainian()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<ImportClassifier>().HandleAsync(new(new MemoryStream("not excel"u8.ToArray())), host.Admin, Ct);

        Assert.Equal(["Файл не вдалося прочитати як книгу Excel (.xlsx)."], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task SaveProblem_WithACodeAlreadyTaken_IsRefusedAndNothingAdded()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<SaveClassifierProblem>().HandleAsync(
            new(null, "01.001", "Дубль", host.Cards.Section.Id, host.Cards.Water.Id, 3, TermUnit.Days, false, null, null), host.Admin, Ct);

        Assert.Equal("Питання з кодом «01.001» уже є.", result.Errors.Single(e => e.Code == "code").Message);
        await using var db = host.Db();
        Assert.Equal(1, await db.ClassifierProblems.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveProblem_WithBadInput_ListsAMessagePerField()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<SaveClassifierProblem>().HandleAsync(
            new(null, "", " ", null, null, 0, TermUnit.Days, false, null, null), host.Admin, Ct);

        Assert.Equal(["code", "name", "term", "section", "executor"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task SaveSection_ThenProblem_ThenRoutes_ThenDeactivateSection()
    {
        await using var host = await AdminHost.CreateAsync();
        var territory = new Territory(Guid.NewGuid(), "Велико-Кручанський старостинський округ", TerritoryKind.StarostaDistrict, ["Велика Круча"]);
        await using (var db = host.Db())
        {
            db.Territories.Add(territory);
            await db.SaveChangesAsync(Ct);
        }

        var section = await host.Get<SaveClassifierSection>().HandleAsync(new(null, "05", "Благоустрій"), host.Admin, Ct);
        var duplicate = await host.Get<SaveClassifierSection>().HandleAsync(new(null, "05", "Ще раз"), host.Admin, Ct);
        var problem = await host.Get<SaveClassifierProblem>().HandleAsync(
            new(null, "05.001", "Не працює вуличне освітлення", section.Value, host.Cards.Roads.Id, 5, TermUnit.Days, false, "ліхтар, світло", "Опис"), host.Admin, Ct);
        var toDefault = await host.Get<SetClassifierRoute>().HandleAsync(new(problem.Value, territory.Id, host.Cards.Roads.Id), host.Admin, Ct);
        var third = new Domain.Organisation.Executor(Guid.NewGuid(), "Велико-Кручанський старостинський округ", "Староста В. Круча", ExecutorKind.Starosta, host.Cards.Direction.Id, "Староста");
        await using (var db = host.Db())
        {
            db.Executors.Add(third);
            await db.SaveChangesAsync(Ct);
        }

        var first = await host.Get<SetClassifierRoute>().HandleAsync(new(problem.Value, territory.Id, third.Id), host.Admin, Ct);
        var routed = await host.Get<SetClassifierRoute>().HandleAsync(new(problem.Value, territory.Id, host.Cards.Water.Id), host.Admin, Ct);
        Assert.True(first.IsSuccess);

        Assert.Equal("Розділ з кодом «05» уже є.", duplicate.ErrorFor("code"));
        Assert.NotNull(toDefault.ErrorFor("executor"));
        Assert.True(routed.IsSuccess);
        var view = (await host.Get<GetClassifier>().HandleAsync(host.Admin, Ct)).Value!;
        var row = view.Problems.Single(p => p.Code == "05.001");
        Assert.Equal([new ClassifierRouteRow(territory.Id, host.Cards.Water.Id)], row.Routes);
        Assert.Equal("ліхтар світло", row.Keywords);

        Assert.True((await host.Get<RemoveClassifierRoute>().HandleAsync(new(problem.Value, territory.Id), host.Admin, Ct)).IsSuccess);
        var deactivated = await host.Get<DeactivateClassifierSection>().HandleAsync(new(section.Value), host.Admin, Ct);

        Assert.Equal(1, deactivated.Value);
        await using var check = host.Db();
        var saved = await check.ClassifierProblems.AsNoTracking().SingleAsync(p => p.Code == "05.001", Ct);
        Assert.Empty(saved.Routes);
        Assert.False(saved.IsActive);
        Assert.True((await check.ClassifierProblems.AsNoTracking().SingleAsync(p => p.Code == "01.001", Ct)).IsActive);
    }
}
