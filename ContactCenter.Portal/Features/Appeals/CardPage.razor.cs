using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Portal.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace ContactCenter.Portal.Features.Appeals;

public sealed partial class CardPage : IDisposable
{
    private static readonly (CardAction Action, string Label)[] Labels =
    [
        (CardAction.TakeIntoWork, "Взяти в роботу"),
        (CardAction.AssignPerformer, "Призначити виконавця"),
        (CardAction.Comment, "Додати коментар"),
        (CardAction.Attach, "Додати документ або фото"),
        (CardAction.ProposeClosure, "Запропонувати до закриття"),
        (CardAction.RequestExtension, "Запит на додатковий контроль"),
        (CardAction.RequestRedirect, "Запит на переадресацію"),
        (CardAction.RequestSerPlan, "Запит на включення до планів СЕР"),
        (CardAction.Close, "Закрити картку"),
        (CardAction.ReturnToWork, "Повернути на доопрацювання"),
        (CardAction.RecordCheck, "Перевірка виконання"),
        (CardAction.Redirect, "Переадресувати"),
        (CardAction.PutOnDepartmentControl, "Взяти на контроль Відділу"),
        (CardAction.MarkOutsideCompetence, "Не належить до компетенції ради"),
        (CardAction.Forward, "Переслати за належністю"),
        (CardAction.MarkIncomplete, "Бракує обов'язкових даних"),
        (CardAction.ReturnToApplicant, "Повернути заявнику"),
        (CardAction.LeaveWithoutConsideration, "Залишити без розгляду"),
        (CardAction.LinkRepairWork, "Пов'язати з ремонтними роботами"),
    ];

    private CardDetails? details;
    private bool loaded;
    private Actor? actor;
    private CardAction? pending;
    private ExecutorRequest? decidedRequest;
    private bool approve = true;
    private bool busy;
    private IReadOnlyList<ExecutorOption> executorOptions = [];
    private IReadOnlyList<Performer> staff = [];

    [Parameter]
    public string Number { get; set; } = string.Empty;

    [Inject]
    private CardDetailsQuery Query { get; set; } = default!;

    [Inject]
    private CardActions Actions { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private AddAttachment Attach { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private Realtime.OutboxDispatcher Live { get; set; } = default!;

    protected override void OnAfterRender(bool firstRender)
    {
        // Live: what others do to this card (a comment, a decision) shows without reloading; a form being typed is kept.
        if (firstRender)
        {
            Live.Changed += OnCardChanged;
        }
    }

    private void OnCardChanged(Realtime.CardEvent change)
    {
        if (change.RegistrationNumber != Number || busy)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    public void Dispose() => Live.Changed -= OnCardChanged;

    private IReadOnlyList<(CardAction Action, string Label)> ActionButtons =>
        details is null ? [] : Labels.Where(l => details.Actions.Contains(l.Action)).ToList();

    protected override async Task OnParametersSetAsync()
    {
        actor ??= await CurrentUser.GetActorAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        details = await Query.HandleAsync(Number, actor);
        loaded = true;
        if (details is not null && executorOptions.Count == 0 && (details.Actions.Contains(CardAction.Redirect) || details.Actions.Contains(CardAction.RequestRedirect) || details.Actions.Contains(CardAction.DecideRequests)))
        {
            executorOptions = await Query.ExecutorsAsync();
        }

        if (details is not null && details.Actions.Contains(CardAction.AssignPerformer))
        {
            staff = await Query.StaffOfAsync(details.Card.ExecutorId);
        }
    }

    private void Start(CardAction action)
    {
        pending = pending == action ? null : action;
        decidedRequest = null;
        approve = true;
    }

    private void StartDecision(ExecutorRequest request, bool approveIt)
    {
        pending = CardAction.DecideRequests;
        decidedRequest = request;
        approve = approveIt;
    }

    private void Cancel()
    {
        pending = null;
        decidedRequest = null;
    }

    private async Task SubmitAsync(CardActionInput input)
    {
        if (details is null || pending is not { } action)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await Actions.ExecuteAsync(Number, details.Card.Version, actor, action, input with { RequestId = decidedRequest?.Id ?? input.RequestId, Approve = approve });
            if (result.IsSuccess)
            {
                Snackbar.Add("Збережено", Severity.Success);
                pending = null;
                decidedRequest = null;
            }
            else
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
            }

            // After a refusal for staleness the card is shown as it is now; the form keeps what was typed.
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task UnlinkAsync(Guid repairWorkId)
    {
        if (details is null)
        {
            return;
        }

        busy = true;
        try
        {
            var result = await Actions.UnlinkRepairWorkAsync(Number, details.Card.Version, actor, repairWorkId);
            Snackbar.Add(result.IsSuccess ? "Зв'язок з ремонтними роботами знято" : result.Error.Message, result.IsSuccess ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>§3.1: documents and photos; the store checks the content and the limits, the card records the file.</summary>
    private async Task UploadAsync((IBrowserFile File, bool IsPublic) upload)
    {
        if (details is null)
        {
            return;
        }

        busy = true;
        try
        {
            // The browser stream is capped a little above the largest allowed file so the store can name the limit.
            await using var stream = upload.File.OpenReadStream(maxAllowedSize: 60L * 1024 * 1024);
            var result = await Attach.HandleAsync(new AddAttachmentCommand(Number, details.Card.Version, stream, upload.File.Name, upload.File.Size, upload.IsPublic), actor);
            if (result.IsSuccess)
            {
                Snackbar.Add($"Файл «{upload.File.Name}» додано", Severity.Success);
                pending = null;
            }
            else
            {
                Snackbar.Add(result.Error.Message, Severity.Error);
            }

            await LoadAsync();
        }
        catch (IOException)
        {
            Snackbar.Add("Файл завеликий або передачу перервано. Спробуйте ще раз.", Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PrintAsync() => await Js.InvokeVoidAsync("print");
}
