using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Dashboard;

/// <summary>A column of the dashboard the table can be sorted by.</summary>
public enum DashboardColumn
{
    Name,
    Open,
    AtRisk,
    Overdue,
    Extended,
    Compliance,
}

/// <summary>
/// Orders the dashboard by one column: the directions by their totals, the executors inside each direction by their
/// own line, ties by name. An empty compliance (nothing to judge yet) goes last either way: it is neither good nor bad.
/// </summary>
public static class DashboardSort
{
    /// <summary>The worst comes first: the most cards for a count, the lowest percentage for compliance, A–Я for names.</summary>
    public static bool WorstFirstIsDescending(DashboardColumn column) => column is not (DashboardColumn.Name or DashboardColumn.Compliance);

    public static IReadOnlyList<DashboardDirection> Apply(IReadOnlyList<DashboardDirection> directions, DashboardColumn column, bool descending)
    {
        ArgumentNullException.ThrowIfNull(directions);
        return Order(directions, d => d.Name, d => d.Total, column, descending)
            .Select(d => d with { Executors = Order(d.Executors, e => e.Name, e => e.Line, column, descending).ToList() })
            .ToList();
    }

    private static IEnumerable<T> Order<T>(IEnumerable<T> items, Func<T, string> name, Func<T, LoadLine> line, DashboardColumn column, bool descending)
    {
        if (column == DashboardColumn.Name)
        {
            return descending
                ? items.OrderByDescending(name, StringComparer.CurrentCulture)
                : items.OrderBy(name, StringComparer.CurrentCulture);
        }

        var ordered = items.OrderBy(i => ValueOf(line(i), column) is null ? 1 : 0);
        ordered = descending
            ? ordered.ThenByDescending(i => ValueOf(line(i), column))
            : ordered.ThenBy(i => ValueOf(line(i), column));
        return ordered.ThenBy(name, StringComparer.CurrentCulture);
    }

    private static decimal? ValueOf(LoadLine line, DashboardColumn column) => column switch
    {
        DashboardColumn.Open => line.Counts.Open,
        DashboardColumn.AtRisk => line.Counts.AtRisk,
        DashboardColumn.Overdue => line.Counts.Overdue,
        DashboardColumn.Extended => line.Counts.UnderAdditionalControl,
        DashboardColumn.Compliance => line.CompliancePercent,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a number column."),
    };
}
