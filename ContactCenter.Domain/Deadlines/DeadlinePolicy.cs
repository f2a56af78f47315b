namespace ContactCenter.Domain.Deadlines;

/// <summary>
/// The terms of the Law "Про звернення громадян" as instants. The regulation (§2.2) has the term set automatically on
/// registration and (§4.1) controlled automatically, so every instant here is computed, never typed in.
/// Days are counted in local dates of <see cref="Zone"/> (Europe/Kyiv): the applicant and the executor live by that calendar,
/// not by UTC. Results are UTC instants in whole seconds, as a database stores them.
/// </summary>
public sealed class DeadlinePolicy
{
    /// <summary>Art. 20: an appeal that needs no additional study is resolved within 15 days.</summary>
    public const int NoStudyDays = 15;

    /// <summary>Art. 20: even an extended term never exceeds 45 days in total.</summary>
    public const int MaxTotalDays = 45;

    /// <summary>Art. 7: an appeal outside the body's competence is forwarded within 5 days.</summary>
    public const int ForwardingDays = 5;

    /// <summary>Art. 5, 7: a written appeal without the required details is returned within 10 days.</summary>
    public const int ReturnDays = 10;

    /// <summary>A card turns "at risk" a day before its term, so the daily report (§4.1) shows it while there is still time to act.</summary>
    public static readonly TimeSpan DefaultAtRiskWindow = TimeSpan.FromHours(24);

    private static readonly Lazy<TimeZoneInfo> KyivZone = new(FindKyiv);

    public DeadlinePolicy(WorkingCalendar calendar, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
        Zone = zone ?? Kyiv;
    }

    /// <summary>Europe/Kyiv; older time zone databases know it only as Europe/Kiev.</summary>
    public static TimeZoneInfo Kyiv => KyivZone.Value;

    public WorkingCalendar Calendar { get; }

    public TimeZoneInfo Zone { get; }

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// 23:59:59 local time of the date, in UTC. A term "ends on a day" at the end of that whole local day; the offset is the
    /// one in force at that moment, so a DST-change day still ends at 23:59:59 local.
    /// </summary>
    public DateTimeOffset EndOfDay(DateOnly localDate) =>
        ToUtc(localDate.ToDateTime(new TimeOnly(23, 59, 59)));

    /// <summary>
    /// Civil Code art. 253–254: a term runs from the day after the event, ends on its last day, and when that day is not a
    /// working day it ends on the next working day.
    /// </summary>
    public DateTimeOffset EndOfTermInDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return EndOfTerm(LocalDate(from).AddDays(days));
    }

    /// <summary>
    /// Civil Code art. 254 p. 2: a term in months ends on the same date of the last month, or on its last day when the month
    /// is shorter (31 January + 1 month = 28/29 February); then the same shift to a working day.
    /// </summary>
    public DateTimeOffset EndOfTermInMonths(DateTimeOffset from, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return EndOfTerm(LocalDate(from).AddMonths(months));
    }

    /// <summary>Art. 20: 15 days, or one month when the appeal needs additional study.</summary>
    public DateTimeOffset LegalLimit(DateTimeOffset receivedAt, bool needsAdditionalStudy) =>
        needsAdditionalStudy
            ? EndOfTermInMonths(receivedAt, 1)
            : EndOfTermInDays(receivedAt, NoStudyDays);

    /// <summary>Art. 20: the head may extend a term, but never beyond 45 days in total.</summary>
    public DateTimeOffset MaxDueAt(DateTimeOffset receivedAt) => EndOfTermInDays(receivedAt, MaxTotalDays);

    /// <summary>
    /// §2.2: the term set on registration. The Classifier's normative term applies when it is shorter than the Law allows;
    /// a longer one is cut to the Law's limit (art. 20), since a regulation cannot extend a statutory term.
    /// A term in hours runs in absolute time: an emergency does not wait for Monday.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, NormativeTerm term, bool needsAdditionalStudy)
    {
        ArgumentNullException.ThrowIfNull(term);

        var normative = term.Unit switch
        {
            TermUnit.Hours => TruncateToSeconds(receivedAt.ToUniversalTime()).AddHours(term.Value),
            TermUnit.Days => EndOfTermInDays(receivedAt, term.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(term), term.Unit, "Unknown unit of a term."),
        };

        var limit = LegalLimit(receivedAt, needsAdditionalStudy);
        return normative <= limit ? normative : limit;
    }

    /// <summary>Art. 7: forwarding to the competent body within 5 days.</summary>
    public DateTimeOffset ForwardingDueAt(DateTimeOffset receivedAt) => EndOfTermInDays(receivedAt, ForwardingDays);

    /// <summary>Art. 5, 7: returning an incomplete written appeal within 10 days.</summary>
    public DateTimeOffset ReturnDueAt(DateTimeOffset receivedAt) => EndOfTermInDays(receivedAt, ReturnDays);

    /// <summary>The term itself still counts as on time: it ends at 23:59:59 and an answer at that second is in time.</summary>
    /// <summary>
    /// Where <see cref="StateAt"/> changes at <paramref name="now"/>, as two instants a query can compare due dates with:
    /// due before <c>OverdueBefore</c> — overdue; otherwise due at or before <c>AtRiskUntil</c> — at risk; later — on time.
    /// </summary>
    public static (DateTimeOffset OverdueBefore, DateTimeOffset AtRiskUntil) StateBoundaries(DateTimeOffset now, TimeSpan atRiskWindow) =>
        (now, now + atRiskWindow);

    public static DeadlineState StateAt(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan atRiskWindow)
    {
        if (now > dueAt)
        {
            return DeadlineState.Overdue;
        }

        return dueAt - now <= atRiskWindow ? DeadlineState.AtRisk : DeadlineState.OnTime;
    }

    /// <summary>
    /// The earliest due date of a card that turns overdue at or after <paramref name="instant"/>. The last second of a
    /// term still counts as on time (a term ends at 23:59:59 and an answer at that second is in time), so a card due at
    /// 23:59:59 turns overdue at 00:00:00 of the next day and is counted among that day's newly overdue cards (§4.1),
    /// not among those of the day its term ended. Due dates are whole seconds (<see cref="DueAt"/>).
    /// </summary>
    public static DateTimeOffset EarliestDueAtTurningOverdueSince(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var wholeSecond = TruncateToSeconds(utc);
        var ceiling = wholeSecond == utc ? wholeSecond : wholeSecond.AddSeconds(1);
        return ceiling.AddSeconds(-1);
    }

    private DateTimeOffset EndOfTerm(DateOnly lastDay) => EndOfDay(Calendar.NextWorkingDayOnOrAfter(lastDay));

    private DateTimeOffset ToUtc(DateTime local)
    {
        // A zone with a change at midnight may skip or repeat a local time; take the later instant so a term is never shortened.
        TimeSpan offset;
        if (Zone.IsAmbiguousTime(local))
        {
            offset = Zone.GetAmbiguousTimeOffsets(local).Min();
        }
        else if (Zone.IsInvalidTime(local))
        {
            offset = Zone.GetUtcOffset(local.AddHours(-12));
        }
        else
        {
            offset = Zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);

    private static TimeZoneInfo FindKyiv()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Kiev");
        }
    }
}
