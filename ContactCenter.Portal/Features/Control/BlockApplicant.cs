using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Control;

public sealed record BlockApplicantCommand(string? Phone, string? Email, string Reason);

/// <summary>§2.5: the Department blocks an applicant who insults operators; the block is recorded with who, when and why, and can be lifted.</summary>
public sealed class BlockApplicant(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<BlockApplicant> logger)
{
    public async Task<Result> HandleAsync(BlockApplicantCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        var block = ApplicantBlock.Create(actor, clock.GetUtcNow(), command.Phone, command.Email, command.Reason);
        if (block.IsFailure)
        {
            return block.Error;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApplicantBlocks.Add(block.Value);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} blocked applicant {Phone} {Email}", actor.Id, block.Value.Phone, block.Value.Email);
        return Result.Success();
    }

    public async Task<Result> LiftAsync(Guid blockId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var block = await db.ApplicantBlocks.FirstOrDefaultAsync(b => b.Id == blockId, cancellationToken);
        if (block is null)
        {
            return IntakeErrors.AlreadyLifted;
        }

        var lifted = block.Lift(actor, clock.GetUtcNow());
        if (lifted.IsFailure)
        {
            return lifted;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} lifted block {Block}", actor.Id, blockId);
        return Result.Success();
    }
}
