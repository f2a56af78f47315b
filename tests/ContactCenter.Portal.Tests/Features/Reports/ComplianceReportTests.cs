using ClosedXML.Excel;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Reports;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>
/// The compliance reports over <see cref="ReportScenario"/>: every figure equals the count written out here by hand from
/// the scenario's comments, and the details sheet lists exactly the cards behind it.
/// </summary>
public sealed class ComplianceReportTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>The figure columns in domain.md's order.</summary>
    public static readonly string[] FigureHeaders = Figures.All.Select(Figures.NameOf).ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheWeeklyReport_OfADirection_HoldsEachExecutorsFiguresAndTheTotal(DatabaseProvider provider)
    {
        await using var host = await ReportHost.StartAsync(provider, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.WeeklyCompliance, ReportScenario.Week, ReportScope.Direction(s.North.Id), Ct);

        Assert.Equal("weekly-2026-w47-zhytlovo-komunalne-hospodarstvo.xlsx", file.FileName);
        using var report = new WorkbookReader(file);
        Assert.Equal(ReportWorkbook.SummarySheetName, report.Book.Worksheet(1).Name);
        var summary = new SheetTable(report.Sheet(ReportWorkbook.SummarySheetName), "Виконавець");

        // Received, on time, late, in work, overdue, additional control, SER, redirected, repeats, compliance %, average days.
        Assert.Equal([8, 3, 1, 2, 6, 2, 1, 1, 1, 30.0m, 3.1m], summary.Numbers(summary.RowOf("Виконавець", "Водоканал"), FigureHeaders));
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 1, 0, 100.0m, 0.0m], summary.Numbers(summary.RowOf("Виконавець", "Шляхи"), FigureHeaders));
        Assert.Equal([9, 4, 1, 2, 6, 2, 1, 2, 1, 36.4m, 2.5m], summary.Numbers(summary.RowOf("Виконавець", WeeklyComplianceReport.TotalLabel), FigureHeaders));
        Assert.DoesNotContain(summary.Rows, r => summary.Text(r, "Виконавець") == "Парки");

        // The period and the build time are on the summary.
        var sheet = summary.Sheet;
        Assert.Equal("16.11.2026 – 22.11.2026", sheet.Cell(2, 2).GetString());
        Assert.Equal(new DateTime(2026, 12, 5, 8, 0, 0), sheet.Cell(4, 2).GetDateTime());

        var cards = new SheetTable(report.Sheet(ReportWorkbook.CardsSheetName), "Реєстраційний номер");
        const string number = "Реєстраційний номер";
        Assert.Equal(Sorted(s.Numbers("onTime", "late", "closedAtDue", "overdue", "inWork", "extended", "breached", "ser", "redirectedOut", "redirectedIn", "atWeekStart", "repeat", "returnedTwice", "roads", "redirectedBefore")), cards.Keys(number));
        Assert.Equal(Sorted(s.Numbers("onTime", "closedAtDue", "overdue", "inWork", "ser", "redirectedIn", "atWeekStart", "repeat", "roads")), cards.KeysWhere(number, "Надійшло"));
        Assert.Equal(Sorted(s.Numbers("onTime", "closedAtDue", "roads", "redirectedBefore")), cards.KeysWhere(number, "Виконано вчасно"));
        Assert.Equal(Sorted(s.Numbers("late")), cards.KeysWhere(number, "Виконано з порушенням строку"));
        Assert.Equal(Sorted(s.Numbers("inWork", "extended")), cards.KeysWhere(number, "На розгляді"));
        Assert.Equal(Sorted(s.Numbers("overdue", "breached", "redirectedIn", "atWeekStart", "repeat", "returnedTwice")), cards.KeysWhere(number, "Прострочено"));
        Assert.Equal(Sorted(s.Numbers("extended", "breached")), cards.KeysWhere(number, "На додатковому контролі"));
        Assert.Equal(Sorted(s.Numbers("ser")), cards.KeysWhere(number, "Включено до планів СЕР"));
        Assert.Equal(Sorted(s.Numbers("redirectedOut", "redirectedIn")), cards.KeysWhere(number, "Переадресовано"));
        Assert.Equal(Sorted(s.Numbers("repeat")), cards.KeysWhere(number, "Повторні звернення"));

        // A late card shows its days overdue; the card number links to the card in the portal.
        Assert.Equal(2, cards.Number(cards.RowOf(number, s["late"]), "Днів прострочення"));
        Assert.Equal(4, cards.Number(cards.RowOf(number, s["overdue"]), "Днів прострочення"));
        var link = cards.Cell(cards.RowOf(number, s["late"]), number);
        Assert.True(link.HasHyperlink);
        Assert.Equal($"{ReportHost.BaseUrl}/cards/{s["late"]}", link.Hyperlink.ExternalAddress.ToString());
        Assert.Equal(ReportWorkbook.DateFormat, cards.Cell(cards.Rows[0], "Дата реєстрації").Style.NumberFormat.Format);

        // Frozen headers, filters and explicit widths on both sheets.
        foreach (var table in new[] { summary, cards })
        {
            Assert.Equal(table.HeaderRow, table.Sheet.SheetView.SplitRow);
            Assert.True(table.Sheet.AutoFilter.IsEnabled);
            Assert.Equal(table.HeaderRow, table.Sheet.AutoFilter.Range.FirstRow().RowNumber());
            Assert.True(table.Sheet.Column(table.Column(table == summary ? "Виконавець" : number)).Width >= 14);
        }
    }

    [Fact]
    public async Task TheDailyReport_OfAnExecutor_HoldsTheDayAndTheMonthToDate()
    {
        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.DailyCompliance, ReportScenario.FirstDay, ReportScope.Executor(s.Water.Id), Ct);

        Assert.Equal("daily-2026-11-16-vodokanal.xlsx", file.FileName);
        using var report = new WorkbookReader(file);
        var summary = new SheetTable(report.Sheet(ReportWorkbook.SummarySheetName), "Період");
        Assert.Equal([7, 0, 1, 11, 0, 2, 0, 1, 1, 0.0m, 4.4m], summary.Numbers(summary.RowOf("Період", "За добу 16.11.2026"), FigureHeaders));
        Assert.Equal([13, 1, 1, 11, 0, 2, 0, 1, 1, 50.0m, 3.6m], summary.Numbers(summary.RowOf("Період", "З початку місяця 01.11.2026 – 16.11.2026"), FigureHeaders));

        var day = new SheetTable(report.Sheet(DailyComplianceReport.DaySheet), "Реєстраційний номер");
        Assert.Equal(Sorted(s.Numbers("late")), day.KeysWhere("Реєстраційний номер", "Виконано з порушенням строку"));
        Assert.Equal(11, day.KeysWhere("Реєстраційний номер", "На розгляді").Count);
        var month = new SheetTable(report.Sheet(DailyComplianceReport.MonthSheet), "Реєстраційний номер");
        Assert.Equal(Sorted(s.Numbers("closedBeforeWeek")), month.KeysWhere("Реєстраційний номер", "Виконано вчасно"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheMonthlyReport_OfTheCommunity_HoldsEveryDirectionAndTheTotal(DatabaseProvider provider)
    {
        await using var host = await ReportHost.StartAsync(provider, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.MonthlyCompliance, ReportScenario.November, ReportScope.Community, Ct);

        Assert.Equal("monthly-2026-11-hromada.xlsx", file.FileName);
        using var report = new WorkbookReader(file);
        var summary = new SheetTable(report.Sheet(ReportWorkbook.SummarySheetName), "Напрямок");
        Assert.Equal([17, 5, 2, 0, 9, 2, 1, 3, 1, 31.3m, 3.2m], summary.Numbers(summary.RowOf("Напрямок", MonthlyComplianceReport.CommunityTotalLabel), FigureHeaders));

        // The south direction holds only the card redirected to its park: overdue at the month's end.
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 0, 0.0m, null], summary.Numbers(summary.RowOf("Напрямок", s.South.Name), FigureHeaders));

        var executors = new SheetTable(report.Sheet(MonthlyComplianceReport.ExecutorsSheet), "Виконавець");
        var parks = executors.RowOf("Виконавець", "Парки");
        Assert.Equal(s.South.Name, executors.Text(parks, "Напрямок"));
        Assert.Equal(1, executors.Number(parks, "Прострочено"));

        var cards = new SheetTable(report.Sheet(ReportWorkbook.CardsSheetName), "Реєстраційний номер");
        Assert.Equal(17, cards.Rows.Count);
        Assert.Equal(Sorted(s.Numbers("late", "atWeekStart")), cards.KeysWhere("Реєстраційний номер", "Виконано з порушенням строку"));
    }

    [Fact]
    public async Task TheAnalyticalNote_PutsTheMonthBesideThePreviousOne_WithTopProblemsExecutorsAndRepeats()
    {
        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.AnalyticalNote, ReportScenario.November, ReportScope.Community, Ct);

        Assert.Equal("analytical-note-2026-11-hromada.xlsx", file.FileName);
        using var report = new WorkbookReader(file);
        var summary = new SheetTable(report.Sheet(ReportWorkbook.SummarySheetName), AnalyticalNoteReport.FigureHeader);
        var received = summary.RowOf(AnalyticalNoteReport.FigureHeader, "Надійшло");
        Assert.Equal([0, 17, 17], summary.Numbers(received, ["жовтень 2026", "листопад 2026", AnalyticalNoteReport.ChangeHeader]));
        var overdue = summary.RowOf(AnalyticalNoteReport.FigureHeader, "Прострочено");
        Assert.Equal("погіршення", summary.Text(overdue, AnalyticalNoteReport.TrendHeader));
        var compliance = summary.RowOf(AnalyticalNoteReport.FigureHeader, "Виконання за регламентом, %");
        Assert.Equal([null, 31.3m, null], summary.Numbers(compliance, ["жовтень 2026", "листопад 2026", AnalyticalNoteReport.ChangeHeader]));

        var problems = new SheetTable(report.Sheet(AnalyticalNoteReport.ProblemsSheet), "Питання (проблема)");
        Assert.Equal(["Витік води", "Вибоїна на дорозі"], problems.Rows.Select(r => problems.Text(r, "Питання (проблема)")));
        Assert.Equal([14, 3], problems.Rows.Select(r => problems.Number(r, "листопад 2026")));

        var executors = new SheetTable(report.Sheet(AnalyticalNoteReport.ExecutorsSheet), "Виконавець");
        Assert.Equal(["Водоканал", "Парки"], executors.Rows.Select(r => executors.Text(r, "Виконавець")));
        Assert.Equal([8, 1], executors.Rows.Select(r => executors.Number(r, "Прострочено")));

        var repeats = new SheetTable(report.Sheet(AnalyticalNoteReport.RepeatsSheet), "Реєстраційний номер");
        var repeat = Assert.Single(repeats.Rows);
        Assert.Equal(s["repeat"], repeats.Text(repeat, "Реєстраційний номер"));
        Assert.Equal(s["onTime"], repeats.Text(repeat, "Повторне до №"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheUnresolvedReport_ListsOverdueBreachedAndTwiceReturnedCards(DatabaseProvider provider)
    {
        await using var host = await ReportHost.StartAsync(provider, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.WeeklyUnresolved, ReportScenario.Week, ReportScope.Community, Ct);

        using var report = new WorkbookReader(file);
        var summary = new SheetTable(report.Sheet(ReportWorkbook.SummarySheetName), UnresolvedReport.ReasonHeader);
        int Count(string reason) => (int)summary.Number(summary.RowOf(UnresolvedReport.ReasonHeader, reason), UnresolvedReport.CountHeader)!.Value;
        Assert.Equal(7, Count("Прострочено"));
        Assert.Equal(1, Count("Порушено додатковий контроль"));
        Assert.Equal(1, Count("Повернуто на доопрацювання більше одного разу"));
        Assert.Equal(7, Count(UnresolvedReport.TotalLabel));

        var cards = new SheetTable(report.Sheet(ReportWorkbook.CardsSheetName), "Реєстраційний номер");
        Assert.Equal(Sorted(s.Numbers("overdue", "breached", "redirectedOut", "redirectedIn", "atWeekStart", "repeat", "returnedTwice")), cards.Keys("Реєстраційний номер"));
        Assert.Equal(Sorted(s.Numbers("breached")), cards.KeysWhere("Реєстраційний номер", "Порушено додатковий контроль"));
        Assert.Equal(2, cards.Number(cards.RowOf("Реєстраційний номер", s["returnedTwice"]), UnresolvedReport.ReturnsHeader));

        var executors = new SheetTable(report.Sheet(UnresolvedReport.ExecutorsSheet), "Виконавець");
        Assert.Equal(6, executors.Number(executors.RowOf("Виконавець", "Водоканал"), UnresolvedReport.CountHeader));
        Assert.Equal(1, executors.Number(executors.RowOf("Виконавець", "Парки"), UnresolvedReport.CountHeader));
    }

    [Fact]
    public async Task TheStateStatistics_CountTheQuartersAppealsByTheClassifiersAttributes()
    {
        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var file = await host.BuildAsync(ReportKind.StateStatistics, ReportScenario.FourthQuarter, ReportScope.Community, Ct);

        Assert.Equal("state-statistics-2026-q4-hromada.xlsx", file.FileName);
        using var report = new WorkbookReader(file);
        var table = new SheetTable(report.Sheet(ReportWorkbook.SummarySheetName), StateStatisticsReport.ValueHeader);
        int Count(string value) => (int)table.Number(table.RowOf(StateStatisticsReport.ValueHeader, value), StateStatisticsReport.CountHeader)!.Value;
        Assert.Equal(16, Count(StateClassifier.FormOf(Domain.Appeals.Channel.Phone)));
        Assert.Equal(1, Count(StateClassifier.FormOf(Domain.Appeals.Channel.Web)));
        Assert.Equal(0, Count(StateClassifier.FormOf(Domain.Appeals.Channel.Api)));
        Assert.Equal(16, Count("Первинне"));
        Assert.Equal(1, Count("Повторне"));
        Assert.Equal(1, Count("Пропозиція (зауваження)"));
        Assert.Equal(16, Count("Заява (клопотання)"));
        Assert.Equal(0, Count("Скарга"));
        Assert.Equal(1, Count("Пенсіонер"));
        Assert.Equal(1, CountOf(table, "Пільгова категорія автора", "Учасник бойових дій"));
        Assert.Equal(0, CountOf(table, "Категорія (соціальний стан) автора", "Учасник бойових дій"));
        Assert.Equal(16, Count("Немає"));
        Assert.Equal(5, Count("Вирішено позитивно"));
        Assert.Equal(1, Count("Дано роз'яснення"));
        Assert.Equal(1, Count("Відмовлено у задоволенні"));
        Assert.Equal(10, Count(StateClassifier.UnderConsideration));
        Assert.Contains(table.Sheet.CellsUsed(), c => c.GetString() == StateStatisticsReport.NotDerivedTitle);

        var cards = new SheetTable(report.Sheet(ReportWorkbook.CardsSheetName), "Реєстраційний номер");
        Assert.Equal(17, cards.Rows.Count);
    }

    private static int CountOf(SheetTable table, string attribute, string value) =>
        (int)table.Number(table.Rows.Single(r => table.Text(r, StateStatisticsReport.AttributeHeader) == attribute && table.Text(r, StateStatisticsReport.ValueHeader) == value), StateStatisticsReport.CountHeader)!.Value;

    private static List<string> Sorted(IEnumerable<string> numbers) => numbers.Order(StringComparer.Ordinal).ToList();
}
