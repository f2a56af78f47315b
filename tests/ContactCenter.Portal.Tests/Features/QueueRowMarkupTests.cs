using AngleSharp.Html.Parser;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Portal.Features.Queue;

namespace ContactCenter.Portal.Tests.Features;

/// <summary>A queue row's cells are written as markup by hand: what people typed must stay text, never become markup.</summary>
public sealed class QueueRowMarkupTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    private static QueueRow Row(string essence = "Немає води з ранку", string address = "вул. Соборна, 1") => new(
        "2026-000042", Now.AddDays(-2), "Відсутнє водопостачання", address, essence, AppealStatus.InWork, Now.AddDays(-1), DeadlineState.Overdue,
        IsPrivileged: true, InSerPlan: false, ExtensionCount: 1, OnDepartmentControl: false, IsRepeat: true, HasPendingRequest: false, "КП «Водоканал»", 3);

    private static AngleSharp.Dom.IElement Parse(string cells) =>
        new HtmlParser().ParseDocument($"<table><tbody><tr>{cells}</tr></tbody></table>").QuerySelector("tr")!;

    [Fact]
    public void TextTypedByPeople_IsEncoded_AndStaysTheSameText()
    {
        var essence = "<script>alert('x')</script> & \"лапки\" <b>не жирний</b>";
        var address = "вул. Франка, 5\" onmouseover=\"alert(1)";
        var row = Parse(QueueRowMarkup.Cells(Row(essence, address), Now, showExecutor: false).Value);

        Assert.Empty(row.QuerySelectorAll("script"));
        Assert.Empty(row.QuerySelectorAll("[onmouseover]"));
        var problem = row.QuerySelectorAll("td")[2];
        Assert.Equal(["Відсутнє водопостачання", address, essence], problem.Children.Select(c => c.TextContent));
    }

    [Fact]
    public void TheCells_CarryTheNumberLink_MarksChipsAndDeadline_AndTheExecutorOnlyWhereShown()
    {
        var row = Parse(QueueRowMarkup.Cells(Row(), Now, showExecutor: false).Value);
        var withExecutor = Parse(QueueRowMarkup.Cells(Row(), Now, showExecutor: true).Value);

        Assert.Equal(["Номер", "Надійшло", "Питання та адреса", "Стан", "Строк виконання"], row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
        Assert.Equal("/cards/2026-000042", row.QuerySelector("[data-testid=queue-number]")!.GetAttribute("href"));
        Assert.NotNull(row.QuerySelector(".cc-mark-privileged[aria-label]"));
        Assert.Equal("Повторне звернення", row.QuerySelectorAll(".cc-mark")[1].GetAttribute("aria-label"));
        Assert.Equal("Додатковий контроль", row.QuerySelector(".cc-chip-extended")!.TextContent);
        Assert.Null(row.QuerySelector(".cc-chip-ser"));
        Assert.Equal("В роботі", row.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("cc-deadline-overdue", row.QuerySelector("[data-testid=deadline]")!.ClassName);
        Assert.StartsWith("прострочено", row.QuerySelector(".cc-countdown")!.TextContent);
        Assert.Equal("КП «Водоканал»", withExecutor.QuerySelectorAll("td")[5].TextContent);
        Assert.Equal(5, row.QuerySelectorAll("td").Length);
    }
}
