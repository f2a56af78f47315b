using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Reports;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Reports;

public sealed class HeadLetterAndRegisterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLetterToAHead_ListsExactlyTheExecutorsLateOrPoorlyHandledCards()
    {
        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.HeadLetter, ReportScenario.Week, ReportScope.Executor(s.Water.Id), Ct);

        Assert.Equal(ReportFile.Docx, file.ContentType);
        Assert.Equal("head-letter-2026-w47-vodokanal.docx", file.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        Assert.Contains("КП «Водоканал»", text);
        Assert.Contains("Коваль Іван Іванович", text);
        Assert.Contains("16.11.2026 – 22.11.2026", text);

        // The table's rows: closed late, overdue, returned to work, and the card whose check found it only partly done.
        var numbers = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Skip(1)
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().ElementAt(1).InnerText)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            s.Numbers("onTime", "late", "overdue", "breached", "redirectedIn", "atWeekStart", "repeat", "returnedTwice").Order(StringComparer.Ordinal),
            numbers);
        Assert.DoesNotContain(s["closedAtDue"], text);
        Assert.DoesNotContain(s["redirectedOut"], text);
    }

    [Fact]
    public async Task ALetter_IsOnlyForOneExecutor()
    {
        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => host.BuildAsync(ReportKind.HeadLetter, ReportScenario.Week, ReportScope.Community, Ct));
    }

    [Fact]
    public async Task TheRegister_HasARowPerCardOfThePeriod_WithItsValuesAndNoApplicantData()
    {
        await using var host = await ReportHost.StartAsync(DatabaseProvider.Sqlite, Ct);
        var s = host.Scenario;
        var file = await host.BuildAsync(ReportKind.Register, ReportScenario.November, ReportScope.Community, Ct);

        Assert.Equal("register-2026-11-hromada.xlsx", file.FileName);
        using var report = new WorkbookReader(file);
        Assert.Equal(ReportWorkbook.SummarySheetName, report.Book.Worksheet(1).Name);
        var register = new SheetTable(report.Sheet(RegisterReport.RegisterSheet), "Реєстраційний номер");
        Assert.Equal(17, register.Rows.Count);
        Assert.Equal(1, register.HeaderRow);
        Assert.Equal(1, register.Sheet.SheetView.SplitRow);
        Assert.True(register.Sheet.AutoFilter.IsEnabled);

        var late = register.RowOf("Реєстраційний номер", s["late"]);
        Assert.Equal("Закрито", register.Text(late, "Статус"));
        Assert.Equal("Водоканал", register.Text(late, "Виконавець"));
        Assert.Equal(s.North.Name, register.Text(late, "Напрямок"));
        Assert.Equal("Дано роз'яснення", register.Text(late, "Результат"));
        Assert.Equal(2, register.Number(late, "Днів прострочення"));
        Assert.Equal(new DateTime(2026, 11, 16, 5, 0, 0), register.Cell(late, "Закрито").GetDateTime());

        // Open and past due at the build time (05.12.2026 06:00 UTC): 15 days 22 hours late, i.e. 16 days begun.
        var overdue = register.RowOf("Реєстраційний номер", s["overdue"]);
        Assert.Equal(16, register.Number(overdue, "Днів прострочення"));
        Assert.True(register.Cell(overdue, "Закрито").IsEmpty());
        Assert.Equal("Веб-сайт", register.Text(register.RowOf("Реєстраційний номер", s["inWork"]), "Канал надходження"));

        Assert.DoesNotContain(register.Headers, h => h.Contains("Заявник", StringComparison.OrdinalIgnoreCase) || h.Contains("Телефон", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(report.Sheet(RegisterReport.RegisterSheet).CellsUsed(), c => c.GetString().Contains("Іваненко", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AThousandCardRegister_ReadsBackWithAThousandRowsInOrder()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var scenario = new ReportScenario();
        await scenario.SaveAsync(() => database.CreateContext(), Ct);
        var start = ReportScenario.November.From;
        await using (var db = database.CreateContext())
        {
            // Saved in one go with numbers given here: the register, not the numbering, is under test.
            var cards = Enumerable.Range(1, 1000).Select(i =>
            {
                var at = start.AddMinutes(i * 30);
                var card = Appeal.Register(
                    new NewAppeal(Channel.Phone, new Applicant("Петренко", "Олег", "Іванович", "м. Пирятин", "0501112233", null), "Немає світла", $"вул. Миру, {i}"),
                    scenario.Leak, scenario.Water, scenario.Policy, Domain.Intake.IntakeScreen.Open, null, ReportScenario.Operator, at).Value;
                card.AssignNumber(new RegistrationNumber(2027, i));
                return card;
            }).ToList();
            db.Appeals.AddRange(cards);
            await db.SaveChangesAsync(Ct);
        }

        var progress = new List<int>();
        var builder = new ReportBuilder(database.Factory(), new FakeTimeProvider(ReportScenario.BuiltAt), new ConfigurationBuilder().Build());
        var file = await builder.BuildAsync(new ReportRun(ReportKind.Register, ReportScenario.November, ReportScope.Community), Ct, new SyncProgress(progress));

        using var report = new WorkbookReader(file);
        var register = new SheetTable(report.Sheet(RegisterReport.RegisterSheet), "Реєстраційний номер");
        Assert.Equal(1000 + 17, register.Rows.Count);
        var numbers = register.Rows.Select(r => register.Text(r, "Реєстраційний номер")).Where(n => n.StartsWith("2027-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"2027-{i:D6}"), numbers);
        var last = register.RowOf("Реєстраційний номер", "2027-001000");
        Assert.Equal("вул. Миру, 1000", register.Text(last, "Адреса проблеми"));
        Assert.Equal(ReportNaming.Local(start.AddMinutes(30_000)), register.Cell(last, "Дата реєстрації").GetDateTime());
        var count = report.Sheet(ReportWorkbook.SummarySheetName).CellsUsed().Single(c => c.GetString() == RegisterReport.CountLabel + ":");
        Assert.Equal(1017, count.CellRight().GetDouble());
        Assert.Equal(100, progress[^1]);
    }

    private sealed class SyncProgress(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
