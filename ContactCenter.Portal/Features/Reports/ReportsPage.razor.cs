using ContactCenter.Domain.Common;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Reporting;
using ContactCenter.Portal.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// The archive of reports (<c>/reports</c>): what the person may open, filtered by kind, scope and period; for the
/// Department also building any report on demand, in the background, with its progress shown here.
/// </summary>
public sealed partial class ReportsPage
{
    private static readonly ReportingPeriodKind[] PeriodKinds =
        [ReportingPeriodKind.Day, ReportingPeriodKind.Week, ReportingPeriodKind.Month, ReportingPeriodKind.Quarter];

    private readonly BuildForm form = new();
    private MudTable<ReportRow>? table;
    private Actor? actor;
    private ReportFilter filter = new();
    private ScopeChoices choices = new([], []);
    private IReadOnlyList<OnDemandBuild> builds = [];
    private IReadOnlyList<RetentionRow> retention = [];
    private TimeZoneInfo zone = Domain.Deadlines.DeadlinePolicy.Kyiv;
    private string? formError;

    [Inject]
    private ReportsQuery Reports { get; set; } = default!;

    [Inject]
    private OnDemandReports OnDemand { get; set; } = default!;

    [Inject]
    private ReportInbox Inbox { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDbContextFactory<ContactCenterDbContext> DbFactory { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private sealed class BuildForm
    {
        public ReportKind Kind { get; set; } = ReportKind.MonthlyCompliance;

        public ReportingPeriodKind PeriodKind { get; set; } = ReportingPeriodKind.Month;

        public DateTime? Date { get; set; }

        public ScopeKind Scope { get; set; } = ScopeKind.Community;

        public Guid? ScopeId { get; set; }
    }

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentUser.GetActorAsync();
        zone = await ReportingZone.GetAsync(DbFactory, CancellationToken.None);
        if (actor is null)
        {
            return;
        }

        var today = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone).Date;
        form.Date = today.AddMonths(-1);
        choices = await Reports.ScopeChoicesAsync(actor);
        retention = await Reports.RetentionAsync(actor);
        builds = OnDemand.Of(actor.Id);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Progress of builds runs on other threads: subscribe once the page is interactive, marshal, and let go in Dispose.
        if (firstRender)
        {
            OnDemand.Changed += OnBuildChanged;
            Inbox.Changed += OnInboxChanged;
        }
    }

    private void OnBuildChanged(OnDemandBuild build)
    {
        if (actor is null || build.RequestedById != actor.Id)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            builds = OnDemand.Of(actor.Id);
            if (build.State != OnDemandState.Running)
            {
                await ReloadAsync();
            }

            StateHasChanged();
        });
    }

    private void OnInboxChanged(IReadOnlyCollection<string>? users) => _ = InvokeAsync(ReloadAsync);

    private void OnKindChanged(ReportKind kind)
    {
        form.Kind = kind;
        var scopes = OnDemandReports.ScopesFor(kind);
        if (!scopes.Contains(form.Scope))
        {
            OnScopeChanged(scopes[0]);
        }

        form.PeriodKind = kind switch
        {
            ReportKind.DailyCompliance => ReportingPeriodKind.Day,
            ReportKind.WeeklyCompliance or ReportKind.WeeklyUnresolved => ReportingPeriodKind.Week,
            ReportKind.StateStatistics => ReportingPeriodKind.Quarter,
            _ => ReportingPeriodKind.Month,
        };
    }

    private void OnScopeChanged(ScopeKind scope)
    {
        form.Scope = scope;
        form.ScopeId = null;
    }

    private void StartBuild()
    {
        formError = null;
        if (actor is null || form.Date is not { } date)
        {
            formError = "Оберіть дату в межах періоду.";
            return;
        }

        if (form.Scope != ScopeKind.Community && form.ScopeId is null)
        {
            formError = form.Scope == ScopeKind.Executor ? "Оберіть виконавця." : "Оберіть напрямок.";
            return;
        }

        var period = OnDemandReports.PeriodFor(form.PeriodKind, DateOnly.FromDateTime(date), Clock.GetUtcNow(), zone);
        if (period is null)
        {
            formError = "Цей період ще не почався.";
            return;
        }

        var scope = form.Scope switch
        {
            ScopeKind.Executor => ReportScope.Executor(form.ScopeId!.Value),
            ScopeKind.Direction => ReportScope.Direction(form.ScopeId!.Value),
            _ => ReportScope.Community,
        };
        if (OnDemand.Start(actor, new ReportRun(form.Kind, period, scope)) is null)
        {
            formError = "Формувати звіти на запит може лише Відділ.";
            return;
        }

        builds = OnDemand.Of(actor.Id);
    }

    private async Task<TableData<ReportRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (actor is null)
        {
            return new TableData<ReportRow> { Items = [], TotalItems = 0 };
        }

        var page = await Reports.ListAsync(actor, filter with { Skip = state.Page * state.PageSize, Take = state.PageSize }, cancellationToken);
        return new TableData<ReportRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task ReloadAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnFilterKind(ReportKind? kind)
    {
        filter = filter with { Kind = kind };
        return ReloadAsync();
    }

    private Task OnFilterScope(ScopeKind? scope)
    {
        filter = filter with { Scope = scope };
        return ReloadAsync();
    }

    private Task OnFilterFrom(DateTime? date)
    {
        filter = filter with { From = date is { } d ? DateOnly.FromDateTime(d) : null };
        return ReloadAsync();
    }

    private Task OnFilterTo(DateTime? date)
    {
        filter = filter with { To = date is { } d ? DateOnly.FromDateTime(d) : null };
        return ReloadAsync();
    }

    private Task OnFilterUnread(bool value)
    {
        filter = filter with { UnreadOnly = value };
        return ReloadAsync();
    }

    private static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static string RowClass(ReportRow row, int index) => row.Unread ? "cc-row-unread" : string.Empty;

    public void Dispose()
    {
        OnDemand.Changed -= OnBuildChanged;
        Inbox.Changed -= OnInboxChanged;
    }
}
