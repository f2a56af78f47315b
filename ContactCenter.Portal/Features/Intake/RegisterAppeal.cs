using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Intake;

/// <summary>What a phone operator, the web form or the Open311 API submits.</summary>
/// <param name="Letter">A letter to the applicant about the new card, saved in the same transaction as the card.</param>
public sealed record RegisterAppealCommand(
    NewAppeal Appeal,
    Guid ProblemId,
    Guid? ExecutorOverrideId = null,
    Func<Appeal, Infrastructure.Mail.OutgoingMail?>? Letter = null);

/// <summary>A registered card, or every reason it was not registered (one per field where a form can show it).</summary>
public sealed record RegisterAppealResult(string? RegistrationNumber, IReadOnlyList<Error> Errors, RepeatMatch? RepeatOf)
{
    public bool IsSuccess => RegistrationNumber is not null;

    /// <summary>The registered card's executor, as the applicant is told (Open311's notice); null when not registered.</summary>
    public string? ExecutorName { get; init; }

    /// <summary>The registered card's due date; null when not registered.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>
/// §2.2: registers a card — routes it from the classifier and the territory, sets the due date, screens blocked
/// applicants and mail domains (§2.1, §2.5), links repeats (§4.1) — and gives the registration number.
/// A screening refusal is recorded with its reason, and no card is created. The classifier, the executors, the
/// territories, the settings and the working calendar come from <see cref="ReferenceData"/>: an administrator's change
/// applies to the next registration here, and within <see cref="ReferenceData.Expiry"/> on other instances.
/// </summary>
public sealed class RegisterAppeal(IDbContextFactory<ContactCenterDbContext> dbFactory, ReferenceData references, TimeProvider clock, ILogger<RegisterAppeal> logger)
{
    public async Task<RegisterAppealResult> HandleAsync(RegisterAppealCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!actor.IsDepartment && actor.Role != Role.System)
        {
            logger.LogWarning("Registration refused to {Actor} ({Role})", actor.Id, actor.Role);
            return Failed(AppealErrors.NotDepartment);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await references.ProblemAsync(db, command.ProblemId, cancellationToken);
        if (problem is null)
        {
            return Failed(IntakeUseCaseErrors.ProblemRequired);
        }

        // The territory follows from the settlement named in the problem's address when nobody chose it.
        if (command.Appeal.TerritoryId is null)
        {
            var territories = await references.TerritoriesAsync(db, cancellationToken);
            command = command with { Appeal = command.Appeal with { TerritoryId = Territory.Of(territories, command.Appeal.ProblemAddress)?.Id } };
        }

        // §2.2: the executor follows from the classifier and the territory unless the Department chose another.
        var executorId = command.ExecutorOverrideId is { } chosen && actor.IsDepartment
            ? chosen
            : problem.RouteFor(command.Appeal.TerritoryId);
        var executor = await references.ExecutorAsync(db, executorId, cancellationToken);
        if (executor is null)
        {
            return Failed(IntakeUseCaseErrors.ExecutorMissing);
        }

        var errors = Appeal.ValidateRegistration(command.Appeal, problem, executor);
        if (errors.Count > 0)
        {
            return new RegisterAppealResult(null, errors, null);
        }

        var applicant = command.Appeal.Applicant.Normalized();
        var screen = await LoadScreenAsync(db, applicant, cancellationToken);
        var repeat = await FindRepeatAsync(db, applicant, problem.Id, command.Appeal.ProblemAddress, now, cancellationToken);
        var policy = await references.PolicyAsync(db, cancellationToken);

        var registered = Appeal.Register(command.Appeal, problem, executor, policy, screen, repeat, actor, now);
        if (registered.IsFailure)
        {
            await RecordRefusalAsync(db, registered.Error, command.Appeal, applicant, now, actor, cancellationToken);
            return Failed(registered.Error);
        }

        var number = await CardStore.SaveNewAsync(db, registered.Value, policy, cancellationToken, alongside: card => command.Letter?.Invoke(card));
        logger.LogInformation("Registered {Number} ({Channel}) for executor {Executor}", number, command.Appeal.Channel, executor.Id);
        return new RegisterAppealResult(number.ToString(), [], repeat) { ExecutorName = executor.Name, DueAt = registered.Value.DueAt };
    }

    private static RegisterAppealResult Failed(Error error) => new(null, [error], null);

    private async Task<IntakeScreen> LoadScreenAsync(ContactCenterDbContext db, Applicant applicant, CancellationToken cancellationToken)
    {
        var phone = applicant.Phone;
        var email = applicant.Email;
        var blocks = await references.ActiveBlocksAsync(db, phone, email, cancellationToken);
        var domains = await references.SettingAsync(db, WorkingCalendarStore.BlockedMailDomainsKey, cancellationToken) ?? string.Empty;
        return new IntakeScreen(blocks, domains.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<RepeatMatch?> FindRepeatAsync(ContactCenterDbContext db, Applicant applicant, Guid problemId, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (applicant.Phone is null && applicant.Email is null)
        {
            return null;
        }

        var windowText = await references.SettingAsync(db, WorkingCalendarStore.RepeatWindowDaysKey, cancellationToken);
        var window = int.TryParse(windowText, out var days) && days > 0 ? TimeSpan.FromDays(days) : RepeatDetector.DefaultWindow;
        var since = now - window;
        var phone = applicant.Phone;
        var email = applicant.Email;
        // The applicant's own cards of the window, through the index of their phone and the index of their e-mail; the
        // detector picks the same problem and address among them. Written as "this problem, phone or e-mail", the query
        // left the choice of index to the database, and with statistics SQLite read every card of the problem in five
        // years (told the address too, every card at a busy address), where an applicant has a handful.
        // The contact's test is composed here rather than written as "phone != null && …": EF would evaluate such a
        // test of a captured variable by compiling it on every call (docs/performance.md, "Registration throughput").
        var appeals = db.Appeals.AsNoTracking();
        var recent = (phone, email) switch
        {
            (not null, not null) => appeals.Where(a => a.Phone == phone && a.RegisteredAt >= since)
                .Concat(appeals.Where(a => a.Email == email && a.RegisteredAt >= since)),
            (not null, null) => appeals.Where(a => a.Phone == phone && a.RegisteredAt >= since),
            _ => appeals.Where(a => a.Email == email && a.RegisteredAt >= since),
        };
        var candidates = await recent
            .Select(a => new PriorAppeal(a.Id, a.Number!, a.ProblemId, a.ProblemAddressKey, a.Phone, a.Email, a.RegisteredAt, a.Status, a.Result))
            .ToListAsync(cancellationToken);
        return RepeatDetector.Find(applicant, problemId, address, candidates, now, window);
    }

    private async Task RecordRefusalAsync(ContactCenterDbContext db, Error error, NewAppeal data, Applicant applicant, DateTimeOffset now, Actor actor, CancellationToken cancellationToken)
    {
        if (RegistrationRefusal.ReasonFor(error) is not { } reason)
        {
            return;
        }

        var refusal = RegistrationRefusal.Create(actor.IsDepartment ? actor : Actor.System, now, data.Channel, reason, error.Message, applicant.Phone, applicant.Email, applicant.FullName);
        if (refusal.IsSuccess)
        {
            db.RegistrationRefusals.Add(refusal.Value);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Registration refused ({Reason}) on {Channel}", reason, data.Channel);
        }
    }
}

public static class IntakeUseCaseErrors
{
    public static readonly Error ProblemRequired = new("Intake.ProblemRequired", "Оберіть питання (проблему) з класифікатора.");
    public static readonly Error ExecutorMissing = new("Intake.ExecutorMissing", "Для цього питання не визначено виконавця: зверніться до адміністратора класифікатора.");
}
