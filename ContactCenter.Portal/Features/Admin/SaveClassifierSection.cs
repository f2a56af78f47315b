using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>A new section (<see cref="Id"/> null) or changes to an existing one.</summary>
public sealed record SaveClassifierSectionCommand(Guid? Id, string Code, string Name);

/// <summary>Adds or edits a section of the classifier; the code is unique among sections.</summary>
public sealed class SaveClassifierSection(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SaveClassifierSection> logger)
{
    public async Task<AdminResult<Guid>> HandleAsync(SaveClassifierSectionCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Classifier section change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var code = command.Code?.Trim() ?? string.Empty;
        var name = command.Name?.Trim() ?? string.Empty;
        var errors = new List<Error>();
        if (code.Length == 0)
        {
            errors.Add(AdminErrors.Field("code", "Вкажіть код розділу."));
        }
        else if (code.Length > 20)
        {
            errors.Add(AdminErrors.Field("code", "Код розділу — не довше 20 символів."));
        }

        if (name.Length == 0)
        {
            errors.Add(AdminErrors.Field("name", "Вкажіть назву розділу."));
        }
        else if (name.Length > 300)
        {
            errors.Add(AdminErrors.Field("name", "Назва розділу — не довше 300 символів."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (code.Length > 0 && await db.ClassifierSections.AnyAsync(s => s.Code == code && s.Id != command.Id, cancellationToken))
        {
            errors.Add(AdminErrors.Field("code", $"Розділ з кодом «{code}» уже є."));
        }

        if (errors.Count > 0)
        {
            return new AdminResult<Guid>(default, errors);
        }

        ClassifierSection section;
        if (command.Id is { } id)
        {
            var found = await db.ClassifierSections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (found is null)
            {
                return AdminErrors.NotFound;
            }

            section = found;
            section.ChangeCode(code);
            section.Rename(name);
        }
        else
        {
            section = new ClassifierSection(Guid.NewGuid(), code, name);
            db.ClassifierSections.Add(section);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Classifier section {Code} «{Name}» {Change} by {Actor} ({ActorName})",
            code, name, command.Id is null ? "created" : "changed", actor.Id, actor.Name);
        return new AdminResult<Guid>(section.Id, []);
    }
}
