using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>A new problem (<see cref="Id"/> null) or changes to an existing one. The code of an existing problem does not change.</summary>
public sealed record SaveClassifierProblemCommand(
    Guid? Id,
    string Code,
    string Name,
    Guid? SectionId,
    Guid? DefaultExecutorId,
    int TermValue,
    TermUnit TermUnit,
    bool NeedsAdditionalStudy,
    string? Keywords,
    string? Description);

/// <summary>Adds or edits a problem of the classifier: code unique, executor active, term within the Law.</summary>
public sealed class SaveClassifierProblem(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SaveClassifierProblem> logger)
{
    public const int MaxCode = 20;
    public const int MaxName = 300;
    public const int MaxKeywords = 1000;
    public const int MaxDescription = 2000;

    public async Task<AdminResult<Guid>> HandleAsync(SaveClassifierProblemCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier problem change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var code = command.Code?.Trim() ?? string.Empty;
        var name = command.Name?.Trim() ?? string.Empty;
        var errors = new List<Error>();
        CheckCodeAndName(code, name, (field, message) => errors.Add(AdminErrors.Field(field, message)));
        var keywords = ClassifierProblem.NormalizeKeywords(command.Keywords);
        if (keywords.Length > MaxKeywords)
        {
            errors.Add(AdminErrors.Field("keywords", $"Ключові слова — не довше {MaxKeywords} символів."));
        }

        if ((command.Description?.Trim().Length ?? 0) > MaxDescription)
        {
            errors.Add(AdminErrors.Field("description", $"Опис — не довше {MaxDescription} символів."));
        }

        var term = ClassifierProblem.CheckTerm(command.TermValue, command.TermUnit);
        if (term.IsFailure)
        {
            errors.Add(AdminErrors.Field("term", term.Error.Message));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.SectionId is not { } sectionId || !await db.ClassifierSections.AnyAsync(s => s.Id == sectionId, cancellationToken))
        {
            errors.Add(AdminErrors.Field("section", "Оберіть розділ класифікатора."));
        }

        var executor = command.DefaultExecutorId is { } executorId
            ? await db.Executors.AsNoTracking().FirstOrDefaultAsync(e => e.Id == executorId, cancellationToken)
            : null;
        if (executor is null)
        {
            errors.Add(AdminErrors.Field("executor", "Оберіть виконавця за замовчуванням."));
        }
        else if (!executor.IsActive)
        {
            errors.Add(AdminErrors.Field("executor", $"Виконавець «{executor.Name}» неактивний: оберіть іншого."));
        }

        ClassifierProblem? problem = null;
        if (command.Id is { } id)
        {
            problem = await db.ClassifierProblems.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (problem is null)
            {
                return AdminErrors.NotFound;
            }

            if (code.Length > 0 && problem.Code != code)
            {
                errors.Add(AdminErrors.Field("code", "Код питання не змінюється: за ним питання знаходять імпорт і Open311."));
            }
        }
        else if (code.Length > 0 && await db.ClassifierProblems.AnyAsync(p => p.Code == code, cancellationToken))
        {
            errors.Add(AdminErrors.Field("code", $"Питання з кодом «{code}» уже є."));
        }

        if (errors.Count > 0)
        {
            return new AdminResult<Guid>(default, errors);
        }

        if (problem is null)
        {
            problem = new ClassifierProblem(
                Guid.NewGuid(), code, name, command.SectionId!.Value, executor!.Id, term.Value, command.NeedsAdditionalStudy, keywords, null);
            problem.Describe(command.Description);
            db.ClassifierProblems.Add(problem);
        }
        else
        {
            problem.Rename(name);
            problem.MoveToSection(command.SectionId!.Value);
            if (problem.DefaultExecutorId != executor!.Id)
            {
                problem.ChangeDefaultExecutor(executor.Id);
            }

            problem.ChangeTerm(term.Value, command.NeedsAdditionalStudy);
            problem.ChangeKeywords(keywords);
            problem.Describe(command.Description);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Classifier problem {Code} «{Name}» {Change} by {Actor} ({ActorName}): executor {Executor}, term {Term}, study {Study}",
            code, name, command.Id is null ? "created" : "changed", actor.Id, actor.Name, executor.Id, term.Value, command.NeedsAdditionalStudy);
        return new AdminResult<Guid>(problem.Id, []);
    }

    /// <summary>The checks of a code and a name shared by the form and the import.</summary>
    internal static void CheckCodeAndName(string code, string name, Action<string, string> fail)
    {
        if (code.Length == 0)
        {
            fail("code", "Вкажіть код питання.");
        }
        else if (code.Length > MaxCode)
        {
            fail("code", $"Код питання — не довше {MaxCode} символів.");
        }

        if (name.Length == 0)
        {
            fail("name", "Вкажіть назву питання.");
        }
        else if (name.Length > MaxName)
        {
            fail("name", $"Назва питання — не довше {MaxName} символів.");
        }
    }
}
