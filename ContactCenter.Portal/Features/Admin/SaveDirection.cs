using ContactCenter.Domain.Common;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>A new direction (<see cref="Id"/> null) or changes; the deputy is a user in the deputy role, or none yet.</summary>
public sealed record SaveDirectionCommand(Guid? Id, string Name, string? DeputyUserId);

/// <summary>Adds or edits a direction (напрямок) and assigns the deputy mayor who curates it.</summary>
public sealed class SaveDirection(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SaveDirection> logger)
{
    public async Task<AdminResult<Guid>> HandleAsync(SaveDirectionCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Direction change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var name = command.Name?.Trim() ?? string.Empty;
        var errors = new List<Error>();
        if (name.Length == 0)
        {
            errors.Add(AdminErrors.Field("name", "Вкажіть назву напрямку."));
        }
        else if (name.Length > 200)
        {
            errors.Add(AdminErrors.Field("name", "Назва напрямку — не довше 200 символів."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        DeputyOption? deputy = null;
        if (!string.IsNullOrEmpty(command.DeputyUserId))
        {
            deputy = (await GetOrganisation.DeputiesAsync(db, cancellationToken)).FirstOrDefault(d => d.UserId == command.DeputyUserId);
            if (deputy is null)
            {
                errors.Add(AdminErrors.Field("deputy", "Оберіть активного користувача з роллю «Заступник міського голови»."));
            }
        }

        if (name.Length > 0 && await db.Directions.AnyAsync(d => d.Name == name && d.Id != command.Id, cancellationToken))
        {
            errors.Add(AdminErrors.Field("name", $"Напрямок «{name}» уже є."));
        }

        Direction? direction = null;
        if (command.Id is { } id)
        {
            direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (direction is null)
            {
                return AdminErrors.NotFound;
            }
        }

        if (errors.Count > 0)
        {
            return new AdminResult<Guid>(default, errors);
        }

        if (direction is null)
        {
            direction = new Direction(Guid.NewGuid(), name, deputy?.FullName ?? string.Empty, deputy?.UserId);
            db.Directions.Add(direction);
        }
        else
        {
            direction.Rename(name);

            // Without a chosen account the deputy's name as shown in old reports stays; only the link is dropped.
            direction.AssignDeputy(deputy?.FullName ?? direction.DeputyName, deputy?.UserId);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Direction {Direction} «{Name}» {Change} by {Actor} ({ActorName}): deputy {Deputy}",
            direction.Id, name, command.Id is null ? "created" : "changed", actor.Id, actor.Name, deputy?.UserId);
        return new AdminResult<Guid>(direction.Id, []);
    }
}
