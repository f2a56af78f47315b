using System.ComponentModel.DataAnnotations;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>A new executor (<see cref="Id"/> null) or changes to an existing one.</summary>
public sealed record SaveExecutorCommand(
    Guid? Id,
    string Name,
    string? ShortName,
    ExecutorKind Kind,
    Guid? DirectionId,
    string HeadName,
    string? HeadEmail,
    string? Phone,
    bool IsActive);

/// <summary>Adds or edits an executor: its names, kind, direction, head, phone and whether it receives new cards.</summary>
public sealed class SaveExecutor(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SaveExecutor> logger)
{
    public async Task<AdminResult<Guid>> HandleAsync(SaveExecutorCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Executor change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var name = command.Name?.Trim() ?? string.Empty;
        var shortName = command.ShortName?.Trim() ?? string.Empty;
        var headName = command.HeadName?.Trim() ?? string.Empty;
        var headEmail = string.IsNullOrWhiteSpace(command.HeadEmail) ? null : command.HeadEmail.Trim();
        var phone = string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone.Trim();
        var errors = new List<Error>();
        if (name.Length == 0)
        {
            errors.Add(AdminErrors.Field("name", "Вкажіть повну назву виконавця."));
        }
        else if (name.Length > 300)
        {
            errors.Add(AdminErrors.Field("name", "Назва — не довше 300 символів."));
        }

        if (shortName.Length > 100)
        {
            errors.Add(AdminErrors.Field("shortName", "Скорочена назва — не довше 100 символів."));
        }

        if (!Enum.IsDefined(command.Kind))
        {
            errors.Add(AdminErrors.Field("kind", "Оберіть тип виконавця."));
        }

        if (headName.Length == 0)
        {
            errors.Add(AdminErrors.Field("headName", "Вкажіть керівника виконавця: йому надходить щоденний звіт."));
        }
        else if (headName.Length > 200)
        {
            errors.Add(AdminErrors.Field("headName", "Ім'я керівника — не довше 200 символів."));
        }

        if (headEmail is not null && (headEmail.Length > 254 || !new EmailAddressAttribute().IsValid(headEmail) || !headEmail.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add(AdminErrors.Field("headEmail", "Електронна пошта керівника має вигляд ім'я@домен.укр."));
        }

        if (phone is not null && (phone.Length > 30 || phone.Count(char.IsDigit) < 5 || phone.Any(c => !(char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))))
        {
            errors.Add(AdminErrors.Field("phone", "Телефон: цифри, пробіли, +, -, дужки; не довше 30 символів."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (command.DirectionId is not { } directionId || !await db.Directions.AnyAsync(d => d.Id == directionId, cancellationToken))
        {
            errors.Add(AdminErrors.Field("direction", "Оберіть напрямок, до якого належить виконавець."));
        }

        if (name.Length > 0 && await db.Executors.AnyAsync(e => e.Name == name && e.Id != command.Id, cancellationToken))
        {
            errors.Add(AdminErrors.Field("name", $"Виконавець «{name}» уже є."));
        }

        Executor? executor = null;
        if (command.Id is { } id)
        {
            executor = await db.Executors.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (executor is null)
            {
                return AdminErrors.NotFound;
            }
        }

        if (errors.Count > 0)
        {
            return new AdminResult<Guid>(default, errors);
        }

        if (executor is null)
        {
            executor = new Executor(Guid.NewGuid(), name, shortName, command.Kind, command.DirectionId!.Value, headName, headEmail);
            db.Executors.Add(executor);
        }
        else
        {
            executor.Rename(name, shortName);
            executor.ChangeKind(command.Kind);
            executor.MoveToDirection(command.DirectionId!.Value);
            executor.ChangeHead(headName, headEmail);
        }

        executor.SetPhone(phone);
        if (command.IsActive)
        {
            executor.Activate();
        }
        else
        {
            executor.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Executor {Executor} «{Name}» {Change} by {Actor} ({ActorName}): kind {Kind}, direction {Direction}, active {Active}",
            executor.Id, name, command.Id is null ? "created" : "changed", actor.Id, actor.Name, command.Kind, command.DirectionId, command.IsActive);
        return new AdminResult<Guid>(executor.Id, []);
    }
}
