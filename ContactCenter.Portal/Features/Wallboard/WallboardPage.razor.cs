using ContactCenter.Domain.Common;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Portal.Features.Wallboard;

/// <summary>
/// Табло Відділу: the figures of the whole community the Department acts on (§2.4), live. Every card event reloads them, at
/// most once a second however many arrive (a burst of registrations or the overdue watcher marking a batch at midnight
/// costs one query round, not one per card); a minute tick reloads them too.
/// </summary>
public sealed partial class WallboardPage : IDisposable
{
    /// <summary>The shortest time between two reloads: a burst of events inside it is read by one reload at its end.</summary>
    public static readonly TimeSpan MinReloadInterval = LiveRefresh.MinInterval;

    /// <summary>
    /// The clock's step. Each tick reloads the figures, so "today" rolls over at Kyiv midnight and waiting times advance
    /// without any event. Repair works are not cards: registering or closing one writes no outbox event, so the tick is
    /// also what brings a new or finished emergency to the board, within a minute.
    /// </summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    // Cancelled on leaving; not disposed, since an event on the dispatcher's thread may still read it after Dispose.
    private readonly CancellationTokenSource closing = new();
    private Actor? actor;
    private WallboardSnapshot? board;
    private bool refused;
    private bool failed;
    private bool subscribed;
    private ITimer? ticker;
    private LiveRefresh? refresh;
    private DateTimeOffset lastLoadAt;

    [Inject]
    private WallboardQuery Query { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private OutboxDispatcher Live { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<WallboardPage> Logger { get; set; } = default!;

    /// <summary>
    /// The emergency cards that fit under the works on one 16:9 screen without scrolling: a work takes about two card lines,
    /// its table's heading two more; the heading of the list says how many cards there are in all.
    /// </summary>
    private int CardLines => board is null || board.EmergencyWorks.Count == 0
        ? WallboardQuery.EmergencyCardLines
        : Math.Max(2, WallboardQuery.EmergencyCardLines - 2 - (2 * board.EmergencyWorks.Count));

    private string Clock24 => WallboardFormat.Time(Clock.GetUtcNow());

    private string Today => WallboardFormat.Date(Clock.GetUtcNow());

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentUser.GetActorAsync();
        refused = actor is null || !WallboardQuery.MayView(actor);
        if (!refused)
        {
            await LoadAsync();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Live only once interactive: a prerendered page has no circuit to push to.
        if (firstRender && !refused)
        {
            refresh = new LiveRefresh(() => InvokeAsync(ReloadAsync), Clock, Logger, lastLoadAt);
            Live.Changed += OnCardChanged;
            subscribed = true;
            ticker = Clock.CreateTimer(_ => refresh.Request(), null, UntilNextMinute(), Tick);
        }
    }

    public void Dispose()
    {
        if (subscribed)
        {
            Live.Changed -= OnCardChanged;
        }

        ticker?.Dispose();
        refresh?.Dispose();
        closing.Cancel();
    }

    // Every card event counts: the wallboard's figures are the whole community's, which the roles allowed here all see.
    private void OnCardChanged(CardEvent change) => refresh?.Request();

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        lastLoadAt = Clock.GetUtcNow();
        try
        {
            board = await Query.HandleAsync(actor, closing.Token);
            failed = false;
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // Left while loading.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A screen on the wall runs for days: a database hiccup keeps the last figures and the next tick tries again.
            failed = true;
            Logger.LogWarning(e, "The wallboard could not load its figures");
        }
    }

    /// <summary>Ticks on whole minutes (Kyiv's offsets are whole hours), so the clock and midnight turn on time.</summary>
    private TimeSpan UntilNextMinute() =>
        TimeSpan.FromTicks(TimeSpan.TicksPerMinute - (Clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerMinute));
}
