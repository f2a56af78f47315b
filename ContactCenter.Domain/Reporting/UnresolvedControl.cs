namespace ContactCenter.Domain.Reporting;

/// <summary>Why a card is among those "unresolved at every level of control" (§4.1, the weekly report to the deputies).</summary>
[Flags]
public enum UnresolvedReason
{
    None = 0,

    /// <summary>Прострочено: open and past the due date in force.</summary>
    Overdue = 1,

    /// <summary>Порушено додатковий контроль: past a due date that was already extended (§3.3).</summary>
    AdditionalControlBreached = 2,

    /// <summary>Повернуто на доопрацювання більше одного разу: the executor's answer was refused again and again.</summary>
    ReturnedRepeatedly = 4,
}

/// <summary>
/// The selection of the weekly report "про звернення, що залишились невирішеними на всіх рівнях контролю" (§4.1): the
/// executor's own term has passed (overdue), the Department's extension has passed too (breached additional control),
/// or the Department and the applicant have refused the executor's answer more than once.
/// </summary>
public static class UnresolvedControl
{
    /// <summary>"More than once": two returns to work or more.</summary>
    public const int RepeatedReturns = 2;

    /// <summary>
    /// The reasons <paramref name="card"/> is unresolved at <paramref name="instant"/>; <see cref="UnresolvedReason.None"/>
    /// when it is not (closed by then, or on track).
    /// </summary>
    /// <param name="returnsToWork">How many times the card was returned to work up to <paramref name="instant"/>.</param>
    public static UnresolvedReason ReasonsAt(CardFacts card, int returnsToWork, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!card.IsOpenAt(instant))
        {
            return UnresolvedReason.None;
        }

        var reasons = UnresolvedReason.None;

        // A card in SER plans has left the overdue statistics (§2.4), as in the compliance figures.
        if (!card.IsInSerPlanAt(instant) && card.DueAtAsOf(instant) < instant)
        {
            reasons |= UnresolvedReason.Overdue;
            if (card.IsExtendedAt(instant))
            {
                reasons |= UnresolvedReason.AdditionalControlBreached;
            }
        }

        if (returnsToWork >= RepeatedReturns)
        {
            reasons |= UnresolvedReason.ReturnedRepeatedly;
        }

        return reasons;
    }

    public static string NameOf(UnresolvedReason reason) => reason switch
    {
        UnresolvedReason.Overdue => "Прострочено",
        UnresolvedReason.AdditionalControlBreached => "Порушено додатковий контроль",
        UnresolvedReason.ReturnedRepeatedly => "Повернуто на доопрацювання більше одного разу",
        _ => string.Join("; ", Each(reason).Select(NameOf)),
    };

    /// <summary>The single reasons in <paramref name="reasons"/>, in the order the report prints them.</summary>
    public static IEnumerable<UnresolvedReason> Each(UnresolvedReason reasons) =>
        new[] { UnresolvedReason.Overdue, UnresolvedReason.AdditionalControlBreached, UnresolvedReason.ReturnedRepeatedly }
            .Where(r => reasons.HasFlag(r));
}
