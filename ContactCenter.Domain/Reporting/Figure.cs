namespace ContactCenter.Domain.Reporting;

/// <summary>The regulation figures one by one (domain.md's table), in the order every report prints them.</summary>
public enum Figure
{
    Received,
    ClosedOnTime,
    ClosedLate,
    InWork,
    Overdue,
    UnderAdditionalControl,
    InSerPlans,
    Redirected,
    RepeatAppeals,
    CompliancePercent,
    AverageResolutionDays,
}

/// <summary>Which way a figure should move for the work to be better (the mayor's note reads the change by it).</summary>
public enum FigureDirection
{
    /// <summary>A count of work, neither good nor bad in itself (received, in work, in SER plans).</summary>
    Neutral,
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>How a figure changed against the previous period.</summary>
public enum Trend
{
    /// <summary>One of the two values is missing (nothing to judge in a period).</summary>
    NotComparable,
    Unchanged,
    Better,
    Worse,

    /// <summary>Changed, but the figure is neutral.</summary>
    Changed,
}

/// <summary>A figure in this period beside the previous one (the analytical note to the mayor, §4.1).</summary>
/// <param name="Change">Current minus previous; for the percentage, in percentage points.</param>
public sealed record FigureChange(Figure Figure, decimal? Previous, decimal? Current, decimal? Change, Trend Trend);

/// <summary>The figures' names as users read them and their values, so every report labels them alike.</summary>
public static class Figures
{
    public static readonly IReadOnlyList<Figure> All = Enum.GetValues<Figure>();

    /// <summary>The card figures a card can be "behind" (all but the ratios and the redirect count).</summary>
    public static readonly IReadOnlyList<Figure> CardCounts =
    [
        Figure.Received, Figure.ClosedOnTime, Figure.ClosedLate, Figure.InWork, Figure.Overdue,
        Figure.UnderAdditionalControl, Figure.InSerPlans, Figure.Redirected, Figure.RepeatAppeals,
    ];

    public static string NameOf(Figure figure) => figure switch
    {
        Figure.Received => "Надійшло",
        Figure.ClosedOnTime => "Виконано вчасно",
        Figure.ClosedLate => "Виконано з порушенням строку",
        Figure.InWork => "На розгляді",
        Figure.Overdue => "Прострочено",
        Figure.UnderAdditionalControl => "На додатковому контролі",
        Figure.InSerPlans => "Включено до планів СЕР",
        Figure.Redirected => "Переадресовано",
        Figure.RepeatAppeals => "Повторні звернення",
        Figure.CompliancePercent => "Виконання за регламентом, %",
        Figure.AverageResolutionDays => "Середній час виконання, днів",
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
    };

    public static FigureDirection DirectionOf(Figure figure) => figure switch
    {
        Figure.ClosedOnTime or Figure.CompliancePercent => FigureDirection.HigherIsBetter,
        Figure.ClosedLate or Figure.Overdue or Figure.UnderAdditionalControl or Figure.Redirected
            or Figure.RepeatAppeals or Figure.AverageResolutionDays => FigureDirection.LowerIsBetter,
        _ => FigureDirection.Neutral,
    };

    /// <summary>The value of <paramref name="figure"/>; null for a ratio with nothing to judge.</summary>
    public static decimal? ValueOf(ComplianceFigures figures, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figure switch
        {
            Figure.Received => figures.Received,
            Figure.ClosedOnTime => figures.ClosedOnTime,
            Figure.ClosedLate => figures.ClosedLate,
            Figure.InWork => figures.InWork,
            Figure.Overdue => figures.Overdue,
            Figure.UnderAdditionalControl => figures.UnderAdditionalControl,
            Figure.InSerPlans => figures.InSerPlans,
            Figure.Redirected => figures.Redirected,
            Figure.RepeatAppeals => figures.RepeatAppeals,
            Figure.CompliancePercent => figures.CompliancePercent,
            Figure.AverageResolutionDays => figures.AverageResolutionDays is { } days ? (decimal)days : null,
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
        };
    }

    /// <summary>Whether <paramref name="standing"/> puts a card behind <paramref name="figure"/> (redirects aside).</summary>
    public static bool IsBehind(CardStanding standing, Figure figure) => figure switch
    {
        Figure.Received => standing.Received,
        Figure.ClosedOnTime => standing.ClosedOnTime,
        Figure.ClosedLate => standing.ClosedLate,
        Figure.InWork => standing.InWork,
        Figure.Overdue => standing.Overdue,
        Figure.UnderAdditionalControl => standing.UnderAdditionalControl,
        Figure.InSerPlans => standing.InSerPlans,
        Figure.RepeatAppeals => standing.RepeatReceived,
        _ => false,
    };

    /// <summary>
    /// Every figure of <paramref name="current"/> beside <paramref name="previous"/>, with the change and whether it is
    /// for the better (§4.1: the mayor's note "у порівнянні з попереднім періодом").
    /// </summary>
    public static IReadOnlyList<FigureChange> Compare(ComplianceFigures current, ComplianceFigures previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var changes = new List<FigureChange>(All.Count);
        foreach (var figure in All)
        {
            var now = ValueOf(current, figure);
            var before = ValueOf(previous, figure);
            decimal? change = now is { } a && before is { } b ? a - b : null;
            changes.Add(new FigureChange(figure, before, now, change, TrendOf(figure, change)));
        }

        return changes;
    }

    private static Trend TrendOf(Figure figure, decimal? change) => change switch
    {
        null => Trend.NotComparable,
        0m => Trend.Unchanged,
        { } delta => DirectionOf(figure) switch
        {
            FigureDirection.HigherIsBetter => delta > 0 ? Trend.Better : Trend.Worse,
            FigureDirection.LowerIsBetter => delta < 0 ? Trend.Better : Trend.Worse,
            _ => Trend.Changed,
        },
    };

    public static string NameOf(Trend trend) => trend switch
    {
        Trend.Better => "покращення",
        Trend.Worse => "погіршення",
        Trend.Unchanged => "без змін",
        Trend.Changed => "змінилося",
        _ => "—",
    };
}
