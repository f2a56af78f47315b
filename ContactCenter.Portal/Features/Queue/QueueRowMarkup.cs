using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Portal.Features.Queue;

/// <summary>
/// The cells of one row of the queue as one piece of markup. Blazor keeps every component's current and previous render
/// tree in power-of-two buffers of 40-byte frames; as Razor markup a row of the queue is ~50 frames (every element,
/// attribute, text and the whitespace between cells), so 25 rows and the page around them need two buffers of 2,048
/// frames for as long as the page is open. As one markup frame a row is four (the row, its class and click handler, its
/// cells), and the page fits two buffers of 512; the string costs less than the frames it replaces
/// (docs/performance.md, "Circuit memory"). The markup is the same the Razor page rendered.
/// </summary>
public static class QueueRowMarkup
{
    // Encodes what HTML needs (&, <, >, quotes) and leaves Ukrainian letters as they are.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string PrivilegedMark = "<span class=\"cc-mark cc-mark-privileged\" title=\"Пільгова категорія: розглядається першочергово (ст. 20 Закону)\" aria-label=\"Пільгова категорія\">★</span>";
    private const string RepeatMark = "<span class=\"cc-mark\" title=\"Повторне звернення\" aria-label=\"Повторне звернення\">↻</span>";

    /// <summary>The row's cells: number, registration time, problem and address, state, deadline and, where shown, the executor.</summary>
    public static MarkupString Cells(QueueRow row, DateTimeOffset now, bool showExecutor)
    {
        var html = new StringBuilder(1024);
        html.Append("<td class=\"mud-table-cell\" data-label=\"Номер\"><a href=\"/cards/").Append(Encode(row.Number))
            .Append("\" class=\"cc-number\" data-testid=\"queue-number\">").Append(Encode(row.Number)).Append("</a>");
        if (row.IsPrivileged)
        {
            html.Append(PrivilegedMark);
        }

        if (row.IsRepeat)
        {
            html.Append(RepeatMark);
        }

        html.Append("</td><td class=\"mud-table-cell\" data-label=\"Надійшло\">").Append(KyivTime.Format(row.RegisteredAt))
            .Append("</td><td class=\"mud-table-cell\" data-label=\"Питання та адреса\"><div class=\"mud-typography mud-typography-body2\"><b>").Append(Encode(row.ProblemName))
            .Append("</b></div><div class=\"mud-typography mud-typography-body2\">").Append(Encode(row.ProblemAddress))
            .Append("</div><div class=\"mud-typography mud-typography-caption\">").Append(Encode(row.Essence))
            .Append("</div></td><td class=\"mud-table-cell\" data-label=\"Стан\"><span class=\"").Append(StatusChip.CssClass(row.Status))
            .Append("\" data-testid=\"status\">").Append(Encode(AppealNames.Of(row.Status))).Append("</span>");
        if (row.InSerPlan)
        {
            html.Append(" <span class=\"cc-chip cc-chip-ser\">План СЕР</span>");
        }

        if (row.ExtensionCount > 0)
        {
            html.Append(" <span class=\"cc-chip cc-chip-extended\">Додатковий контроль</span>");
        }

        if (row.HasPendingRequest)
        {
            html.Append(" <span class=\"cc-chip cc-chip-request\">Запит до Відділу</span>");
        }

        if (row.OnDepartmentControl)
        {
            html.Append(" <span class=\"cc-chip cc-chip-control\">На контролі Відділу</span>");
        }

        html.Append("</td><td class=\"mud-table-cell\" data-label=\"Строк виконання\"><span class=\"").Append(DeadlineBadge.CssClass(row.Deadline))
            .Append("\" title=\"Строк виконання\" data-testid=\"deadline\">").Append(KyivTime.Format(row.DueAt))
            .Append(" <span class=\"cc-countdown\">").Append(Encode(DeadlineBadge.Countdown(row.DueAt, now, row.Deadline, !row.InSerPlan)))
            .Append("</span></span></td>");
        if (showExecutor)
        {
            html.Append("<td class=\"mud-table-cell\" data-label=\"Виконавець\">").Append(Encode(row.ExecutorName)).Append("</td>");
        }

        return new MarkupString(html.ToString());
    }

    private static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);
}
