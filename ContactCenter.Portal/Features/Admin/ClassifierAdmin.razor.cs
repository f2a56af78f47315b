using System.Globalization;
using ContactCenter.Domain.Common;
using ContactCenter.Portal.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace ContactCenter.Portal.Features.Admin;

public partial class ClassifierAdmin
{
    private const long MaxImportBytes = 5 * 1024 * 1024;

    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    private readonly List<BreadcrumbItem> crumbs = [new("Адміністрування", "/admin"), new("Класифікатор", null, disabled: true)];
    private ClassifierView? view;
    private SectionModel? section;
    private ProblemEditor.ProblemModel? problem;
    private IReadOnlyList<Error> errors = [];
    private IReadOnlyList<Error> routeErrors = [];
    private List<string> importErrors = [];
    private string? formError;
    private string search = string.Empty;
    private bool showInactive;
    private string? exportHref;
    private string? exportName;

    [Inject]
    private GetClassifier Get { get; set; } = default!;

    [Inject]
    private SaveClassifierSection SaveSection { get; set; } = default!;

    [Inject]
    private DeactivateClassifierSection DeactivateSection { get; set; } = default!;

    [Inject]
    private SaveClassifierProblem SaveProblem { get; set; } = default!;

    [Inject]
    private SetClassifierProblemActive SetProblemActive { get; set; } = default!;

    [Inject]
    private SetClassifierRoute SetRoute { get; set; } = default!;

    [Inject]
    private RemoveClassifierRoute RemoveRoute { get; set; } = default!;

    [Inject]
    private ExportClassifier Export { get; set; } = default!;

    [Inject]
    private ImportClassifier Import { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private string? E(string field) => errors.FirstOrDefault(e => e.Code == field)?.Message;

    private string ExecutorName(Guid id) => view?.Executors.FirstOrDefault(e => e.Id == id)?.Name ?? "—";

    /// <summary>Every word of the search must start a word of the code, name or keywords (as operators search).</summary>
    private IEnumerable<ClassifierProblemRow> Visible(Guid sectionId)
    {
        var words = search.ToLower(Ukrainian).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (view?.Problems ?? [])
            .Where(p => p.SectionId == sectionId && (showInactive || p.IsActive))
            .Where(p =>
            {
                var haystack = $"{p.Code} {p.Name} {p.Keywords}".ToLower(Ukrainian)
                    .Split([' ', ',', '.', '(', ')', '«', '»', '-'], StringSplitOptions.RemoveEmptyEntries);
                return words.All(w => haystack.Any(h => h.StartsWith(w, StringComparison.Ordinal)) || p.Code.StartsWith(w, StringComparison.Ordinal));
            });
    }

    private async Task<Actor?> ActorAsync()
    {
        var actor = await CurrentUser.GetActorAsync();
        if (actor is null)
        {
            formError = AdminErrors.NotAdmin.Message;
        }

        return actor;
    }

    private async Task LoadAsync()
    {
        if (await ActorAsync() is not { } actor)
        {
            return;
        }

        var loaded = await Get.HandleAsync(actor);
        view = loaded.Value;
        formError = loaded.IsSuccess ? null : loaded.Errors[0].Message;
        if (problem?.Id is { } id && view?.Problems.FirstOrDefault(p => p.Id == id) is { } fresh)
        {
            problem.Routes = fresh.Routes;
        }
    }

    private void NewSection()
    {
        problem = null;
        errors = [];
        section = new SectionModel();
    }

    private void EditSection(ClassifierSectionRow row)
    {
        problem = null;
        errors = [];
        section = new SectionModel { Id = row.Id, Code = row.Code, Name = row.Name };
    }

    private void NewProblem(Guid? sectionId)
    {
        section = null;
        errors = [];
        routeErrors = [];
        problem = new ProblemEditor.ProblemModel { SectionId = sectionId ?? view?.Sections.FirstOrDefault()?.Id };
    }

    private void EditProblem(ClassifierProblemRow row)
    {
        section = null;
        errors = [];
        routeErrors = [];
        problem = ProblemEditor.ProblemModel.From(row);
    }

    private async Task SaveSectionAsync()
    {
        if (section is null || await ActorAsync() is not { } actor)
        {
            return;
        }

        var saved = await SaveSection.HandleAsync(new SaveClassifierSectionCommand(section.Id, section.Code, section.Name), actor);
        errors = saved.Errors;
        formError = saved.ErrorFor(AdminErrors.FormField);
        if (saved.IsSuccess)
        {
            Snackbar.Add($"Розділ «{section.Name}» збережено.", Severity.Success);
            section = null;
            await LoadAsync();
        }
    }

    private async Task DeactivateSectionAsync(ClassifierSectionRow row)
    {
        if (await ActorAsync() is not { } actor)
        {
            return;
        }

        var done = await DeactivateSection.HandleAsync(new DeactivateClassifierSectionCommand(row.Id), actor);
        formError = done.ErrorFor(AdminErrors.FormField);
        if (done.IsSuccess)
        {
            Snackbar.Add($"Розділ «{row.Name}»: деактивовано питань — {done.Value}.", Severity.Success);
        }

        await LoadAsync();
    }

    private async Task SaveProblemAsync()
    {
        if (problem is null || await ActorAsync() is not { } actor)
        {
            return;
        }

        var saved = await SaveProblem.HandleAsync(
            new SaveClassifierProblemCommand(
                problem.Id, problem.Code, problem.Name, problem.SectionId, problem.DefaultExecutorId, problem.TermValue, problem.TermUnit,
                problem.NeedsAdditionalStudy, problem.Keywords, problem.Description),
            actor);
        errors = saved.Errors;
        formError = saved.ErrorFor(AdminErrors.FormField);
        if (saved.IsSuccess)
        {
            Snackbar.Add($"Питання «{problem.Code}» збережено.", Severity.Success);
            problem = null;
            await LoadAsync();
        }
    }

    private async Task ToggleProblemAsync(ClassifierProblemRow row)
    {
        if (await ActorAsync() is not { } actor)
        {
            return;
        }

        var done = await SetProblemActive.HandleAsync(new SetClassifierProblemActiveCommand(row.Id, !row.IsActive), actor);
        formError = done.ErrorFor(AdminErrors.FormField);
        await LoadAsync();
    }

    private async Task SetRouteAsync((Guid? Territory, Guid? Executor) route)
    {
        if (problem?.Id is not { } id || await ActorAsync() is not { } actor)
        {
            return;
        }

        var done = await SetRoute.HandleAsync(new SetClassifierRouteCommand(id, route.Territory, route.Executor), actor);
        routeErrors = done.Errors;
        if (done.IsSuccess)
        {
            Snackbar.Add("Маршрут збережено.", Severity.Success);
        }

        await LoadAsync();
    }

    private async Task RemoveRouteAsync(Guid territoryId)
    {
        if (problem?.Id is not { } id || await ActorAsync() is not { } actor)
        {
            return;
        }

        var done = await RemoveRoute.HandleAsync(new RemoveClassifierRouteCommand(id, territoryId), actor);
        routeErrors = done.Errors;
        await LoadAsync();
    }

    private async Task ExportAsync()
    {
        if (await ActorAsync() is not { } actor)
        {
            return;
        }

        // The classifier is a few hundred rows (tens of kilobytes): a data link downloads it without script or endpoint.
        var file = await Export.HandleAsync(actor);
        if (!file.IsSuccess)
        {
            formError = file.Errors[0].Message;
            return;
        }

        exportName = file.Value!.FileName;
        exportHref = $"data:{ClassifierWorkbook.ContentType};base64,{Convert.ToBase64String(file.Value.Content)}";
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        importErrors = [];
        if (await ActorAsync() is not { } actor)
        {
            return;
        }

        if (e.File.Size > MaxImportBytes)
        {
            importErrors = [$"Файл завеликий ({e.File.Size / 1024} КБ): найбільше {MaxImportBytes / 1024 / 1024} МБ."];
            return;
        }

        await using var stream = e.File.OpenReadStream(MaxImportBytes);
        var imported = await Import.HandleAsync(new ImportClassifierCommand(stream), actor);
        if (!imported.IsSuccess)
        {
            importErrors = imported.Errors.Select(x => x.Message).ToList();
            return;
        }

        Snackbar.Add($"Імпорт виконано: нових питань — {imported.Value!.Created}, оновлено — {imported.Value.Updated}.", Severity.Success);
        exportHref = null;
        await LoadAsync();
    }

    private sealed class SectionModel
    {
        public Guid? Id { get; init; }

        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;
    }
}
