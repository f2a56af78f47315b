using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Tests.Appeals;

/// <summary>Everything a transition may change, as one value: a refused transition must leave it equal.</summary>
internal sealed record CardSnapshot(
    AppealStatus Status,
    int Version,
    int TimelineCount,
    int EventCount,
    Guid ExecutorId,
    DateTimeOffset DueAt,
    int Performers,
    int Attachments,
    string Requests,
    int Redirects,
    int DueDates,
    int Checks,
    int ExtensionCount,
    int ReturnCount,
    bool OnDepartmentControl,
    DepartmentControlReason? ControlReason,
    DateTimeOffset? ClosedAt,
    AppealResult? Result,
    bool? ConfirmedByApplicant,
    DateTimeOffset? OverdueMarkedAt,
    DateTimeOffset? SerPlanIncludedAt,
    string? Number,
    string RepairLinks)
{
    public static CardSnapshot Of(Appeal appeal) => new(
        appeal.Status,
        appeal.Version,
        appeal.Timeline.Count,
        appeal.DomainEvents.Count,
        appeal.ExecutorId,
        appeal.DueAt,
        appeal.Performers.Count,
        appeal.Attachments.Count,
        string.Join(",", appeal.Requests.Select(r => $"{r.Kind}:{r.State}")),
        appeal.Redirects.Count,
        appeal.DueDates.Count,
        appeal.Checks.Count,
        appeal.ExtensionCount,
        appeal.ReturnCount,
        appeal.OnDepartmentControl,
        appeal.DepartmentControlReason,
        appeal.ClosedAt,
        appeal.Result,
        appeal.ConfirmedByApplicant,
        appeal.OverdueMarkedAt,
        appeal.SerPlanIncludedAt,
        appeal.Number,
        string.Join(",", appeal.RepairLinks.Select(l => l.RepairWorkId)));
}

internal static class CardAssertions
{
    /// <summary>The transition failed with exactly <paramref name="expected"/> and the card is as it was.</summary>
    public static void AssertRefused(Error expected, Result result, Appeal appeal, CardSnapshot before)
    {
        Assert.True(result.IsFailure, "The transition should have been refused.");
        Assert.Equal(expected, result.Error);
        Assert.Equal(before, CardSnapshot.Of(appeal));
        Assert.Empty(appeal.DomainEvents);
    }

    /// <summary>
    /// The transition succeeded and appended an entry of <paramref name="kind"/> after <paramref name="before"/>, by the actor, at
    /// <paramref name="now"/>, with the old and new values given (when given).
    /// </summary>
    public static TimelineEntry AssertRecorded(
        Result result,
        Appeal appeal,
        CardSnapshot before,
        TimelineKind kind,
        Actor actor,
        DateTimeOffset now,
        string? oldValue = null,
        string? newValue = null)
    {
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        Assert.True(appeal.Timeline.Count > before.TimelineCount, "A successful transition appends to the timeline.");
        Assert.Equal(before.Version + (appeal.Timeline.Count - before.TimelineCount), appeal.Version);
        var added = appeal.Timeline.Skip(before.TimelineCount).ToList();
        var entry = Assert.Single(added, e => e.Kind == kind);
        Assert.Equal(actor.Id, entry.ActorId);
        Assert.Equal(actor.Name, entry.ActorName);
        Assert.Equal(actor.Role, entry.ActorRole);
        Assert.Equal(now, entry.At);
        Assert.False(string.IsNullOrWhiteSpace(entry.Text));
        if (oldValue is not null)
        {
            Assert.Equal(oldValue, entry.OldValue);
        }

        if (newValue is not null)
        {
            Assert.Equal(newValue, entry.NewValue);
        }

        Assert.Equal(Enumerable.Range(1, appeal.Timeline.Count), appeal.Timeline.Select(e => e.Ordinal));
        return entry;
    }

    /// <summary>A status change recorded with the old and new status in the users' words.</summary>
    public static TimelineEntry AssertMoved(Result result, Appeal appeal, CardSnapshot before, TimelineKind kind, Actor actor, DateTimeOffset now, AppealStatus to)
    {
        var entry = AssertRecorded(result, appeal, before, kind, actor, now, AppealNames.Of(before.Status), AppealNames.Of(to));
        Assert.Equal(to, appeal.Status);
        AssertRaised(appeal, AppealChangeKind.StatusChanged, now);
        return entry;
    }

    /// <summary>An <see cref="AppealChanged"/> of the kind was raised, describing the card as it now is.</summary>
    public static AppealChanged AssertRaised(Appeal appeal, AppealChangeKind kind, DateTimeOffset now)
    {
        var changed = Assert.Single(appeal.DomainEvents.OfType<AppealChanged>(), e => e.Kind == kind);
        Assert.Equal(appeal.Id, changed.AppealId);
        Assert.Equal(now, changed.OccurredAt);
        Assert.Equal(appeal.ExecutorId, changed.ExecutorId);
        return changed;
    }
}
