using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ContactCenter.Portal.Features.RepairWorks;

/// <summary>
/// Розділ «Ремонтні роботи» (§3.1): what is cut now, what is planned and what finished recently, for everyone signed in;
/// registration and the changes for the executor's people (their own executor only) and the Department.
/// </summary>
public sealed partial class RepairWorksPage
{
    private readonly RegistrationForm form = new();
    private Actor? actor;
    private IReadOnlyList<ExecutorOption> executors = [];
    private IReadOnlyList<RepairWorkRow> rows = [];
    private RepairWorksView view = RepairWorksView.Active;
    private string? street;
    private UtilityService? service;
    private Guid? executorFilter;
    private bool loading;
    private bool busy;
    private bool formOpen;
    private string? formError;
    private IReadOnlyList<LinkedCardReminder>? reminder;
    private (RepairWorkRow Row, RowAction Action)? pending;
    private DateTime? actionStartDate;
    private TimeSpan? actionStartTime;
    private DateTime? actionEndDate;
    private TimeSpan? actionEndTime;
    private string? actionText;

    private enum RowAction
    {
        Reschedule,
        Extend,
        Complete,
        Cancel,
    }

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private RepairWorksQuery Query { get; set; } = default!;

    [Inject]
    private RegisterRepairWork Register { get; set; } = default!;

    [Inject]
    private StartRepairWork Start { get; set; } = default!;

    [Inject]
    private RescheduleRepairWork Reschedule { get; set; } = default!;

    [Inject]
    private ExtendRepairWork Extend { get; set; } = default!;

    [Inject]
    private CompleteRepairWork Complete { get; set; } = default!;

    [Inject]
    private CancelRepairWork Cancel { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>§3.1: the executor's people register their own works; the Department may act for any executor.</summary>
    private bool MayRegister => actor is { } a && (a.IsDepartment || (a.IsExecutorStaff && a.ExecutorId is not null));

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentUser.GetActorAsync();
        executors = await Query.ExecutorsAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loading = true;
        try
        {
            rows = await Query.HandleAsync(new RepairWorksRequest(view, street, service, executorFilter), actor);
        }
        finally
        {
            loading = false;
        }
    }

    private Task OnView(RepairWorksView value)
    {
        view = value;
        return LoadAsync();
    }

    private Task OnStreet(string? value)
    {
        street = value;
        return LoadAsync();
    }

    private Task OnService(UtilityService? value)
    {
        service = value;
        return LoadAsync();
    }

    private Task OnExecutorFilter(Guid? value)
    {
        executorFilter = value;
        return LoadAsync();
    }

    private void ToggleForm()
    {
        formOpen = !formOpen;
        formError = null;
        if (formOpen)
        {
            form.ExecutorId = actor?.IsDepartment == true ? form.ExecutorId : actor?.ExecutorId;
            SetDefaultTimes(form.Kind);
        }
    }

    private void OnKindChanged(RepairWorkKind kind)
    {
        form.Kind = kind;
        formError = null;
        SetDefaultTimes(kind);
    }

    /// <summary>An emergency starts now and is expected to last a few hours; a plan starts the day after tomorrow, so the day's notice holds.</summary>
    private void SetDefaultTimes(RepairWorkKind kind)
    {
        var local = KyivInput.ToLocal(Clock.GetUtcNow());
        if (kind == RepairWorkKind.Emergency)
        {
            var start = local.AddSeconds(-local.Second).AddMilliseconds(-local.Millisecond);
            var end = start.AddHours(4);
            (form.StartDate, form.StartTime) = (start.Date, start.TimeOfDay);
            (form.EndDate, form.EndTime) = (end.Date, end.TimeOfDay);
        }
        else
        {
            var day = local.Date.AddDays(2);
            (form.StartDate, form.StartTime) = (day, TimeSpan.FromHours(9));
            (form.EndDate, form.EndTime) = (day, TimeSpan.FromHours(17));
        }
    }

    private async Task RegisterAsync()
    {
        var start = KyivInput.ToInstant(form.StartDate, form.StartTime);
        var end = KyivInput.ToInstant(form.EndDate, form.EndTime);
        if (start is null || end is null)
        {
            formError = "Вкажіть дату й час початку та завершення робіт.";
            return;
        }

        var executorId = actor?.IsDepartment == true ? form.ExecutorId : actor?.ExecutorId;
        var addresses = (form.Addresses ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        busy = true;
        try
        {
            var result = await Register.HandleAsync(
                new RegisterRepairWorkCommand(form.Kind, executorId ?? Guid.Empty, form.Service, form.Description ?? string.Empty, addresses, start.Value, end.Value),
                actor);
            if (result.IsFailure)
            {
                formError = result.Error.Message;
                return;
            }

            Snackbar.Add("Ремонтні роботи зареєстровано", Severity.Success);
            formOpen = false;
            formError = null;
            form.Addresses = null;
            form.Description = null;
            view = form.Kind == RepairWorkKind.Emergency ? RepairWorksView.Active : RepairWorksView.Planned;
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private void Open(RepairWorkRow row, RowAction action)
    {
        pending = (row, action);
        actionText = null;
        var start = KyivInput.ToLocal(row.PlannedStart);
        var end = KyivInput.ToLocal(row.PlannedEnd);
        (actionStartDate, actionStartTime) = (start.Date, start.TimeOfDay);
        (actionEndDate, actionEndTime) = (end.Date, end.TimeOfDay);
    }

    private async Task StartAsync(RepairWorkRow row) =>
        await RunAsync(() => Start.HandleAsync(new StartRepairWorkCommand(row.Id, row.Version), actor), "Позначено початок робіт");

    private async Task RunActionAsync()
    {
        if (pending is not { } p)
        {
            return;
        }

        var (row, action) = p;
        switch (action)
        {
            case RowAction.Reschedule:
                if (KyivInput.ToInstant(actionStartDate, actionStartTime) is { } newStart && KyivInput.ToInstant(actionEndDate, actionEndTime) is { } newEnd)
                {
                    await RunAsync(() => Reschedule.HandleAsync(new RescheduleRepairWorkCommand(row.Id, newStart, newEnd, row.Version), actor), "Роботи перенесено");
                }

                break;
            case RowAction.Extend:
                if (KyivInput.ToInstant(actionEndDate, actionEndTime) is { } expectedEnd)
                {
                    await RunAsync(() => Extend.HandleAsync(new ExtendRepairWorkCommand(row.Id, expectedEnd, row.Version), actor), "Час завершення продовжено");
                }

                break;
            case RowAction.Cancel:
                await RunAsync(() => Cancel.HandleAsync(new CancelRepairWorkCommand(row.Id, actionText ?? string.Empty, row.Version), actor), "Роботи скасовано");
                break;
            case RowAction.Complete:
                await CompleteAsync(row);
                break;
        }
    }

    /// <summary>§3.1: the executor closes the works; the open cards linked to them should now be proposed for closure.</summary>
    private async Task CompleteAsync(RepairWorkRow row)
    {
        busy = true;
        try
        {
            var result = await Complete.HandleAsync(new CompleteRepairWorkCommand(row.Id, actionText ?? string.Empty, row.Version), actor);
            if (result.IsFailure)
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
            }
            else
            {
                pending = null;
                reminder = result.Value.Count > 0 ? result.Value : null;
                Snackbar.Add("Роботи завершено, картку ремонтних робіт закрито", Severity.Success);
            }

            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RunAsync(Func<Task<Result>> run, string done)
    {
        busy = true;
        try
        {
            var result = await run();
            if (result.IsFailure)
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
            }
            else
            {
                pending = null;
                Snackbar.Add(done, Severity.Success);
            }

            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private static string ActionTitle(RowAction action) => action switch
    {
        RowAction.Reschedule => "Перенести роботи",
        RowAction.Extend => "Продовжити час завершення",
        RowAction.Complete => "Завершити роботи",
        RowAction.Cancel => "Скасувати роботи",
        _ => string.Empty,
    };

    private sealed class RegistrationForm
    {
        public RepairWorkKind Kind { get; set; } = RepairWorkKind.Emergency;

        public Guid? ExecutorId { get; set; }

        public UtilityService Service { get; set; } = UtilityService.Water;

        public string? Addresses { get; set; }

        public string? Description { get; set; }

        public DateTime? StartDate { get; set; }

        public TimeSpan? StartTime { get; set; }

        public DateTime? EndDate { get; set; }

        public TimeSpan? EndTime { get; set; }
    }
}
