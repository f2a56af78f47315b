using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;

namespace ContactCenter.Portal.Features.Intake;

public sealed partial class IntakePage
{
    private IntakeModel model = new();
    private ProblemOption? problem;
    private IReadOnlyList<ProblemOption> problems = [];
    private IReadOnlyList<TerritoryOption> territories = [];
    private IReadOnlyList<ExecutorOption> executors = [];
    private ApplicantHistory? history;
    private RoutingPreview? preview;
    private IReadOnlyList<RepairWorkNote> works = [];
    private Dictionary<string, string> errors = [];
    private List<string> generalErrors = [];
    private string? registered;
    private string? registeredRepeatOf;
    private bool busy;
    private Actor? actor;
    private MudTextField<string>? phoneField;

    private MudTextField<string>? addressField;

    [Inject]
    private IntakeLookups Lookups { get; set; } = default!;

    [Inject]
    private RegisterAppeal Register { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentUser.GetActorAsync();
        problems = await Lookups.ProblemsAsync();
        territories = await Lookups.TerritoriesAsync();
        executors = await Lookups.ExecutorsAsync();
    }

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorOf(string field) => errors.GetValueOrDefault(field);

    private Task<IEnumerable<ProblemOption>> SearchProblems(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(IntakeLookups.Search(problems, text));

    private async Task OnPhoneChanged(string? value)
    {
        model.Phone = value;
        if (actor is null || PhoneNumber.Normalize(value) is null)
        {
            history = null;
            return;
        }

        history = await Lookups.HistoryAsync(value!, actor);

        // A known caller: their data are filled in, and the operator only confirms them.
        if (history.LastKnown is { } known && string.IsNullOrWhiteSpace(model.Surname))
        {
            model.Surname = known.Surname;
            model.FirstName = known.FirstName;
            model.Patronymic = known.Patronymic;
            model.Residence = known.ResidenceAddress;
            model.Email ??= known.Email;
            model.Privilege = known.Privilege;
            model.Category = known.Category;
        }
    }

    private async Task OnAddressChanged(string? value)
    {
        model.ProblemAddress = value;
        works = await Lookups.RepairWorksAtAsync(value ?? string.Empty);
        await RefreshPreviewAsync();
    }

    private async Task RefreshPreviewAsync()
    {
        preview = problem is null ? null : await Lookups.PreviewAsync(problem.Id, model.TerritoryId, model.ProblemAddress, model.ExecutorOverride);
    }

    private async Task SubmitAsync()
    {
        if (busy || actor is null)
        {
            return;
        }

        busy = true;
        try
        {
            errors = [];
            generalErrors = [];

            // The phone and the address reach the model after a pause in typing (their lookups wait for it); an operator who
            // presses Enter within that pause must not lose the last keys typed. The fields hold them already.
            if (phoneField?.GetState(x => x.Text) is { } phoneTyped && phoneTyped != model.Phone)
            {
                model.Phone = phoneTyped;
            }

            if (addressField?.GetState(x => x.Text) is { } addressTyped && addressTyped != model.ProblemAddress)
            {
                model.ProblemAddress = addressTyped;
            }

            var data = new NewAppeal(
                Channel.Phone,
                new Applicant(model.Surname ?? string.Empty, model.FirstName ?? string.Empty, model.Patronymic ?? string.Empty, model.Residence ?? string.Empty, model.Phone, model.Email, model.OtherContact, model.Privilege, model.Category, model.Confidential),
                model.Essence ?? string.Empty,
                model.ProblemAddress ?? string.Empty,
                model.Kind,
                model.TerritoryId,
                ComplainedAboutExecutorId: model.ComplainedAbout);
            var result = await Register.HandleAsync(new RegisterAppealCommand(data, problem?.Id ?? Guid.Empty, model.ExecutorOverride), actor);
            if (result.IsSuccess)
            {
                registered = result.RegistrationNumber;
                registeredRepeatOf = result.RepeatOf?.EarlierRegistrationNumber;
                return;
            }

            foreach (var error in result.Errors)
            {
                if (RegistrationFields.FieldOf.TryGetValue(error.Code, out var field))
                {
                    errors.TryAdd(field, error.Message);
                }
                else
                {
                    generalErrors.Add(error.Message);
                }
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task NextCallAsync()
    {
        model = new IntakeModel();
        problem = null;
        history = null;
        preview = null;
        works = [];
        registered = null;
        registeredRepeatOf = null;
        errors = [];
        generalErrors = [];
        if (phoneField is not null)
        {
            await phoneField.FocusAsync();
        }
    }

    private sealed class IntakeModel
    {
        public string? Phone { get; set; }

        public string? Surname { get; set; }

        public string? FirstName { get; set; }

        public string? Patronymic { get; set; }

        public string? Residence { get; set; }

        public string? Email { get; set; }

        public string? OtherContact { get; set; }

        public string? ProblemAddress { get; set; }

        public string? Essence { get; set; }

        public Guid? TerritoryId { get; set; }

        public AppealKind Kind { get; set; } = AppealKind.Statement;

        public Guid? ComplainedAbout { get; set; }

        public PrivilegedCategory Privilege { get; set; }

        public AuthorCategory Category { get; set; }

        public bool Confidential { get; set; }

        public Guid? ExecutorOverride { get; set; }
    }
}
