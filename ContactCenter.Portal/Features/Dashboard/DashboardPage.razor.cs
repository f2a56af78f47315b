using System.Globalization;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ContactCenter.Portal.Features.Dashboard;

/// <summary>
/// The live deadline control (§4.1). It follows the cards as they change (the outbox events, including the overdue
/// watcher's) and as time passes ("at risk" and "overdue" change with the clock alone), without reload storms: a
/// burst of events gives one reload, at most one per <see cref="ReloadSpacing"/> (<see cref="LiveRefresh"/>).
/// </summary>
public sealed partial class DashboardPage : IDisposable
{
    /// <summary>At most one reload per this long, however many cards change.</summary>
    public static readonly TimeSpan ReloadSpacing = LiveRefresh.MinInterval;

    /// <summary>How often the figures are re-read with no event at all: a card turns "at risk" by the clock alone.</summary>
    public static readonly TimeSpan TimePasses = TimeSpan.FromMinutes(1);

    private static readonly (DashboardColumn Column, string Label)[] Columns =
    [
        (DashboardColumn.Name, "Виконавець"),
        (DashboardColumn.Open, "Відкриті"),
        (DashboardColumn.AtRisk, "Спливає строк"),
        (DashboardColumn.Overdue, "Прострочено"),
        (DashboardColumn.Extended, "На додатковому контролі"),
        (DashboardColumn.Compliance, "Виконання за регламентом, %"),
    ];

    private readonly Lock gate = new();
    private readonly LineChartOptions complianceOptions = new() { YAxisFormat = "0", ShowLegend = false, YAxisRequireZeroPoint = true };
    private readonly BarChartOptions overdueOptions = new() { YAxisFormat = "0", ShowLegend = false };

    private Actor? actor;
    private bool loaded;
    private DashboardFigures? figures;
    private IReadOnlyList<DashboardDirection> sorted = [];
    private IReadOnlyList<TrendPoint> trend = [];
    private ClosedMonthFigures? closedMonth;
    private List<ChartSeries<double>> complianceSeries = [];
    private List<ChartSeries<double>> overdueSeries = [];
    private string[] trendLabels = [];
    private DashboardColumn sortColumn = DashboardColumn.Overdue;
    private bool sortDescending = true;

    // Events and timers arrive on other threads; the gate guards what they share with the reloads.
    private LiveRefresh? refresh;
    private ITimer? clockTimer;
    private bool trendDue;
    private bool disposed;
    private DateTimeOffset lastLoadAt;
    private int loadsStarted;
    private int loadShown;

    [Inject]
    private DashboardQuery Dashboard { get; set; } = default!;

    [Inject]
    private ClosedMonthQuery ClosedMonths { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private OutboxDispatcher Live { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<DashboardPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentUser.GetActorAsync();
        await LoadAsync(withTrend: true);
        loaded = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Live only once interactive: subscribing during prerendering would leak the subscription. The first render may
        // come before the figures are loaded, so whether the person may see them is checked on every event instead.
        if (firstRender)
        {
            lock (gate)
            {
                refresh = new LiveRefresh(() => InvokeAsync(ReloadAsync), Time, Logger, lastLoadAt);
            }

            Live.Changed += OnCardChanged;
            clockTimer = Time.CreateTimer(_ => OnTimePassed(), null, TimePasses, TimePasses);
        }
    }

    public void Dispose()
    {
        Live.Changed -= OnCardChanged;
        lock (gate)
        {
            disposed = true;
            refresh?.Dispose();
            clockTimer?.Dispose();
        }
    }

    private void OnCardChanged(CardEvent change)
    {
        if (DashboardQuery.MayView(actor) && change.IsFor(actor!))
        {
            ScheduleReload(withTrend: false);
        }
    }

    private void OnTimePassed()
    {
        if (DashboardQuery.MayView(actor))
        {
            ScheduleReload(withTrend: true);
        }
    }

    private void ScheduleReload(bool withTrend)
    {
        LiveRefresh? live;
        lock (gate)
        {
            trendDue |= withTrend;
            live = disposed ? null : refresh;
        }

        live?.Request();
    }

    private async Task ReloadAsync()
    {
        bool withTrend;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            withTrend = trendDue;
            trendDue = false;
        }

        await LoadAsync(withTrend);
        StateHasChanged();
    }

    private async Task LoadAsync(bool withTrend)
    {
        int load;
        lock (gate)
        {
            lastLoadAt = Time.GetUtcNow();
            load = ++loadsStarted;
        }

        var loadedFigures = await Dashboard.FiguresAsync(actor);
        var loadedTrend = withTrend ? await Dashboard.TrendAsync(actor) : null;

        // The ended month changes once a month: read with the trend, each minute, not on every card event.
        var loadedMonth = withTrend ? await ClosedMonths.LatestAsync(actor) : closedMonth;

        // Two loads can overlap when one is slow: an older answer never replaces a newer one.
        if (load < loadShown)
        {
            return;
        }

        loadShown = load;
        figures = loadedFigures;
        closedMonth = loadedMonth;
        sorted = figures is null ? [] : DashboardSort.Apply(figures.Directions, sortColumn, sortDescending);
        if (loadedTrend is not null)
        {
            ShowTrend(loadedTrend);
        }
    }

    private void ShowTrend(IReadOnlyList<TrendPoint> points)
    {
        trend = points;
        trendLabels = points.Select(p => p.WeekStart.ToString("dd.MM", CultureInfo.InvariantCulture)).ToArray();
        complianceSeries =
        [
            new ChartSeries<double> { Name = "Виконання за регламентом, %", Data = new ChartData<double>(points.Select(p => (double?)p.CompliancePercent).ToList()) },
        ];
        overdueSeries =
        [
            new ChartSeries<double> { Name = "Прострочено", Data = new ChartData<double>(points.Select(p => (double)p.Overdue).ToList()) },
        ];
    }

    private void SortBy(DashboardColumn column)
    {
        sortDescending = column == sortColumn ? !sortDescending : DashboardSort.WorstFirstIsDescending(column);
        sortColumn = column;
        sorted = figures is null ? [] : DashboardSort.Apply(figures.Directions, sortColumn, sortDescending);
    }

    private string? SortIcon(DashboardColumn column) => column != sortColumn
        ? null
        : sortDescending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    private static string Clock(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DeadlinePolicy.Kyiv).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Window(TimeSpan window) =>
        window.TotalHours >= 72 ? $"{window.TotalDays:0.#} дн." : $"{window.TotalHours:0.#} год.";
}
