namespace ContactCenter.Domain.Reporting;

/// <summary>What the Department writes to an executor's head about (§4.1, last paragraph: "неналежного/несвоєчасного опрацювання").</summary>
[Flags]
public enum HandlingIssue
{
    None = 0,

    /// <summary>Closed in the period after its due date: late (несвоєчасне).</summary>
    ClosedLate = 1,

    /// <summary>Open at the period's end past its due date: late and still unresolved.</summary>
    Overdue = 2,

    /// <summary>Returned to work in the period: the answer was not accepted (неналежне).</summary>
    ReturnedToWork = 4,

    /// <summary>A quality check in the period did not confirm the work, or confirmed it only in part (§2.4).</summary>
    CheckFailed = 8,
}

/// <summary>What happened to a card's handling in a period beyond its compliance facts.</summary>
/// <param name="ReturnsToWork">Returns to work in the period.</param>
/// <param name="FailedChecks">Quality checks in the period that did not fully confirm the work.</param>
public sealed record HandlingFacts(CardFacts Card, int ReturnsToWork, int FailedChecks);

/// <summary>The selection of the letter to an executor's head: the executor's late or poorly handled cards of the period.</summary>
public static class HandlingIssues
{
    public static HandlingIssue Of(HandlingFacts facts, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var standing = ComplianceCalculator.StandingOf(facts.Card, period);
        var issues = HandlingIssue.None;
        if (standing.ClosedLate)
        {
            issues |= HandlingIssue.ClosedLate;
        }

        if (standing.Overdue)
        {
            issues |= HandlingIssue.Overdue;
        }

        if (facts.ReturnsToWork > 0)
        {
            issues |= HandlingIssue.ReturnedToWork;
        }

        if (facts.FailedChecks > 0)
        {
            issues |= HandlingIssue.CheckFailed;
        }

        return issues;
    }

    public static string Describe(HandlingIssue issues, int daysOverdue, int returns) =>
        string.Join("; ", Parts(issues, daysOverdue, returns));

    private static IEnumerable<string> Parts(HandlingIssue issues, int daysOverdue, int returns)
    {
        if (issues.HasFlag(HandlingIssue.ClosedLate))
        {
            yield return $"виконано з порушенням строку на {daysOverdue} дн.";
        }

        if (issues.HasFlag(HandlingIssue.Overdue))
        {
            yield return $"не виконано, прострочено на {daysOverdue} дн.";
        }

        if (issues.HasFlag(HandlingIssue.ReturnedToWork))
        {
            yield return $"повернуто на доопрацювання ({returns} раз.)";
        }

        if (issues.HasFlag(HandlingIssue.CheckFailed))
        {
            yield return "перевірка не підтвердила належного виконання";
        }
    }
}
