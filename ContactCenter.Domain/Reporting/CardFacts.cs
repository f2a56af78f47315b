using ContactCenter.Domain.Appeals;

namespace ContactCenter.Domain.Reporting;

/// <summary>A due date (строк виконання) in force from <paramref name="ChangedAt"/> on, until the next change.</summary>
/// <param name="ChangedAt">When it was set: the registration for the first one, the approval of an extension or a change of the card's course for later ones (§2.4, §3.3).</param>
/// <param name="DueAt">The due date itself.</param>
/// <param name="Kind">Why it was set: only an <see cref="DueDateChangeKind.Extension"/> puts a card under additional control.</param>
public sealed record DueDateChange(DateTimeOffset ChangedAt, DateTimeOffset DueAt, DueDateChangeKind Kind);

/// <summary>A redirect (переадресація, §2.4, §3.3) approved at <paramref name="At"/>.</summary>
public sealed record RedirectFact(DateTimeOffset At, Guid FromExecutorId, Guid ToExecutorId);

/// <summary>
/// What the compliance figures need to know about one card, as plain data: a read model, not the aggregate.
/// It carries the due-date history because "overdue at the end of a past month" cannot be read from today's
/// due date: a card extended or closed since must still count as it stood then (scale-notes.md).
/// </summary>
/// <param name="ExecutorId">The card's current executor.</param>
/// <param name="DirectionId">The direction (напрямок) of the current executor.</param>
/// <param name="DueDates">At least one; the first is the initial due date from registration, later ones approved extensions (additional control, §2.4) or the shorter terms of forwarding and of a return to the applicant.</param>
/// <param name="SerPlanIncludedAt">When the card was included in socio-economic development (СЕР) plans: it leaves the overdue statistics but stays under control (§2.4).</param>
/// <param name="IsRepeat">Linked to an earlier card on the same issue (повторне звернення, §4.1).</param>
public sealed record CardFacts(
    Guid AppealId,
    string RegistrationNumber,
    Guid ExecutorId,
    Guid? DirectionId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<DueDateChange> DueDates,
    DateTimeOffset? SerPlanIncludedAt,
    IReadOnlyList<RedirectFact> Redirects,
    bool IsRepeat)
{
    public IReadOnlyList<DueDateChange> DueDates { get; init; } = DueDates is { Count: > 0 }
        ? DueDates
        : throw new ArgumentException("A card has at least its initial due date.", nameof(DueDates));

    public IReadOnlyList<RedirectFact> Redirects { get; init; } = Redirects ?? throw new ArgumentNullException(nameof(Redirects));

    /// <summary>
    /// The due date in force at <paramref name="instant"/>: the latest change made at or before it
    /// (a change is in force from its own instant on). Before the first change, the initial due date.
    /// </summary>
    public DateTimeOffset DueAtAsOf(DateTimeOffset instant)
    {
        var inForce = DueDates[0];
        foreach (var change in DueDates)
        {
            if (change.ChangedAt <= instant && change.ChangedAt >= inForce.ChangedAt)
            {
                inForce = change;
            }
        }

        return inForce.DueAt;
    }

    /// <summary>
    /// Registered before <paramref name="instant"/> and not closed before it. A card closed exactly at the
    /// instant is still open then: with half-open periods, a closure at a period's end belongs to the next
    /// period, so the card must appear in this period's end state (in work or overdue) rather than nowhere.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset instant) =>
        RegisteredAt < instant && (ClosedAt is not { } closedAt || closedAt >= instant);

    /// <summary>
    /// Under additional control at <paramref name="instant"/>: an extension (§2.4, §3.3) approved at or before it. The
    /// term of forwarding (ст. 7 Закону) or of a return to the applicant also changes the due date, but is not an extension.
    /// </summary>
    public bool IsExtendedAt(DateTimeOffset instant)
    {
        foreach (var change in DueDates)
        {
            if (change.Kind == DueDateChangeKind.Extension && change.ChangedAt <= instant)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Included in SER plans at or before <paramref name="instant"/>.</summary>
    public bool IsInSerPlanAt(DateTimeOffset instant) => SerPlanIncludedAt is { } includedAt && includedAt <= instant;
}

/// <summary>Turns a card into the plain facts the compliance figures are computed from.</summary>
public static class CardFactsMapping
{
    public static CardFacts ToFacts(this Appeals.Appeal appeal) => new(
        appeal.Id,
        appeal.Number ?? string.Empty,
        appeal.ExecutorId,
        appeal.DirectionId,
        appeal.RegisteredAt,
        appeal.ClosedAt,
        appeal.DueDates.OrderBy(d => d.ChangedAt).Select(d => new DueDateChange(d.ChangedAt, d.DueAt, d.Kind)).ToList(),
        appeal.SerPlanIncludedAt,
        appeal.Redirects.OrderBy(r => r.At).Select(r => new RedirectFact(r.At, r.FromExecutorId, r.ToExecutorId)).ToList(),
        appeal.Sign == Appeals.AppealSign.Repeated);
}
