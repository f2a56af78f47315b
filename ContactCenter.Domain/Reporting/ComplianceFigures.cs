namespace ContactCenter.Domain.Reporting;

/// <summary>
/// The regulation figures for a period and a scope (domain.md, "Control and reports"; regulation §4.1).
/// Counts of cards, except <see cref="Redirected"/>, which counts redirects.
/// </summary>
/// <param name="Received">Надійшло: registered in the period.</param>
/// <param name="ClosedOnTime">Виконано вчасно: closed in the period, on or before the due date in force at closure.</param>
/// <param name="ClosedLate">Виконано з порушенням строку: closed in the period after the due date in force at closure.</param>
/// <param name="InWork">На розгляді: open at the period's end and not past due then (SER cards excluded).</param>
/// <param name="Overdue">Прострочено: open at the period's end and past due then (SER cards excluded).</param>
/// <param name="UnderAdditionalControl">
/// На додатковому контролі: open at the period's end with an approved extension (SER cards excluded).
/// An attribute, not a state: each of these cards is ALSO counted in <see cref="InWork"/> or <see cref="Overdue"/>,
/// so it must not be added to them.
/// </param>
/// <param name="InSerPlans">Включено до планів СЕР: open at the period's end and included in SER plans; neither in work nor overdue (§2.4).</param>
/// <param name="Redirected">Переадресовано: redirects away from the scope's executor(s) in the period.</param>
/// <param name="RepeatAppeals">Повторні звернення: repeat appeals received in the period.</param>
/// <param name="CompliancePercent">Виконання за регламентом: closed on time ÷ (closed in the period + overdue at its end) × 100, one decimal; null when nothing to judge.</param>
/// <param name="AverageResolutionDays">Середній час виконання: mean registration → closure of the cards closed in the period, in days, one decimal; null when none closed.</param>
public sealed record ComplianceFigures(
    int Received,
    int ClosedOnTime,
    int ClosedLate,
    int InWork,
    int Overdue,
    int UnderAdditionalControl,
    int InSerPlans,
    int Redirected,
    int RepeatAppeals,
    decimal? CompliancePercent,
    double? AverageResolutionDays)
{
    /// <summary>Nothing happened: all counts zero, no percentage and no average.</summary>
    public static readonly ComplianceFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);

    /// <summary>Closed in the period, on time or late.</summary>
    public int ClosedTotal => ClosedOnTime + ClosedLate;
}
