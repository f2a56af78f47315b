namespace ContactCenter.Portal.Features.Dashboard;

/// <summary>Addresses of the drill-down: <c>/dashboard/cards?executor={id}&amp;figure=overdue</c>.</summary>
public static class DashboardLinks
{
    public const string CardsPath = "/dashboard/cards";

    public static string Cards(DashboardFigure figure, string scope) =>
        string.IsNullOrEmpty(scope)
            ? $"{CardsPath}?figure={Name(figure)}"
            : $"{CardsPath}?{scope}&figure={Name(figure)}";

    public static string ForExecutor(Guid executorId) => $"executor={executorId}";

    public static string ForDirection(Guid directionId) => $"direction={directionId}";

    public static string Name(DashboardFigure figure) => figure.ToString().ToLowerInvariant();

    /// <summary>Reads a figure from the address; only the names <see cref="Name"/> writes, never a number.</summary>
    public static DashboardFigure? Parse(string? value) =>
        Enum.GetValues<DashboardFigure>().Where(f => string.Equals(Name(f), value, StringComparison.OrdinalIgnoreCase)).Select(f => (DashboardFigure?)f).FirstOrDefault();

    /// <summary>How a figure is called on screen.</summary>
    public static string Label(DashboardFigure figure) => figure switch
    {
        DashboardFigure.Open => "Відкриті звернення",
        DashboardFigure.AtRisk => "Спливає строк",
        DashboardFigure.Overdue => "Прострочено",
        DashboardFigure.Extended => "На додатковому контролі",
        DashboardFigure.Compliance => "Виконання за регламентом з початку місяця",
        _ => figure.ToString(),
    };
}
