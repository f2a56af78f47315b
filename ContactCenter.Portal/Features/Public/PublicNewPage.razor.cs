using ContactCenter.Portal.Features.Intake;
using Microsoft.AspNetCore.Components;

namespace ContactCenter.Portal.Features.Public;

/// <summary>
/// The web form (§2.1): static rendering with a real form post, so it needs no live connection and every submission
/// passes the rate limiter. On an error the form comes back with everything typed (files aside) and a message under
/// each field.
/// </summary>
public sealed partial class PublicNewPage
{
    private IReadOnlyList<ProblemOption> problems = [];
    private Dictionary<string, string> errors = [];
    private List<string> generalErrors = [];
    private PublicSubmitResult? outcome;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "public-appeal")]
    private PublicAppealInput Input { get; set; } = default!;

    [Inject]
    private IntakeLookups Lookups { get; set; } = default!;

    [Inject]
    private SubmitPublicAppeal Submit { get; set; } = default!;

    [Inject]
    private PublicLinks Links { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new PublicAppealInput();
        problems = await Lookups.ProblemsAsync(HttpContext.RequestAborted);
    }

    private bool HasError(string field) => errors.ContainsKey(field);

    private string? ErrorOf(string field) => errors.GetValueOrDefault(field);

    private string? Invalid(string field) => HasError(field) ? "true" : null;

    // The fields that have a hint under their label (see the markup).
    private static readonly HashSet<string> Hinted = ["phone", "email", "problem", "address", "essence", "photos"];

    private string? Described(string field)
    {
        var ids = new[] { Hinted.Contains(field) ? $"{field}-hint" : null, HasError(field) || (field == "photos" && HasError("files")) ? $"{field}-error" : null };
        var joined = string.Join(' ', ids.Where(id => id is not null));
        return joined.Length == 0 ? null : joined;
    }

    private async Task SubmitAsync()
    {
        var request = HttpContext.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(HttpContext.RequestAborted) : null;
        var files = form?.Files.GetFiles("photos")
            .Where(f => f.Length > 0 && !string.IsNullOrWhiteSpace(f.FileName))
            .Select(f => new PublicUpload(f.FileName, f.Length, f.OpenReadStream))
            .ToList() ?? [];
        var data = new PublicAppealForm
        {
            Surname = Input.Surname,
            FirstName = Input.FirstName,
            Patronymic = Input.Patronymic,
            Residence = Input.Residence,
            Phone = Input.Phone,
            Email = Input.Email,
            ProblemId = Guid.TryParse(Input.ProblemId, out var id) ? id : null,
            ProblemAddress = Input.ProblemAddress,
            Essence = Input.Essence,
            Consent = Input.Consent,
            Website = form?["website"].ToString(),
        };

        var result = await Submit.HandleAsync(data, files, Links.BaseFor(request), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            outcome = result;
            return;
        }

        errors = [];
        generalErrors = [];
        foreach (var error in result.Errors)
        {
            if (PublicFormFields.FieldOf.TryGetValue(error.Code, out var field))
            {
                errors.TryAdd(field, error.Message);
            }
            else
            {
                generalErrors.Add(error.Message);
            }
        }

        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private sealed class PublicAppealInput
    {
        public string? Surname { get; set; }

        public string? FirstName { get; set; }

        public string? Patronymic { get; set; }

        public string? Residence { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? ProblemId { get; set; }

        public string? ProblemAddress { get; set; }

        public string? Essence { get; set; }

        public bool Consent { get; set; }
    }
}
