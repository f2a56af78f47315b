using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Intake;

public static class IntakeErrors
{
    public static readonly Error ApplicantBlocked = new("Intake.ApplicantBlocked", "Прийом звернень від цього заявника заблоковано Відділом (п. 2.5 Регламенту).");
    public static readonly Error MailDomainBlocked = new("Intake.MailDomainBlocked", "Звернення з електронних адрес цього поштового сервісу не реєструються (п. 2.1 Регламенту): вкажіть адресу на українському поштовому сервері.");
    public static readonly Error BlockReasonRequired = new("Intake.BlockReasonRequired", "Вкажіть причину блокування (п. 2.5 Регламенту).");
    public static readonly Error BlockContactRequired = new("Intake.BlockContactRequired", "Для блокування вкажіть телефон або електронну пошту заявника.");
    public static readonly Error NotDepartment = new("Intake.NotDepartment", "Блокувати заявників і відмовляти в реєстрації може лише Відділ.");
    public static readonly Error RefusalReasonRequired = new("Intake.RefusalReasonRequired", "Вкажіть причину відмови в реєстрації.");
    public static readonly Error AlreadyLifted = new("Intake.AlreadyLifted", "Блокування вже знято.");
}

/// <summary>
/// §2.5: an applicant who uses obscene language or insults operators may be blocked "за допомогою технічних засобів".
/// Blocks are by phone and/or e-mail, recorded with who, when and why, and can be lifted.
/// </summary>
public sealed class ApplicantBlock
{
    private ApplicantBlock()
    {
        Reason = string.Empty;
        BlockedById = string.Empty;
        BlockedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string Reason { get; private set; }

    public string BlockedById { get; private set; }

    public string BlockedByName { get; private set; }

    public DateTimeOffset BlockedAt { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftedByName { get; private set; }

    public bool IsActive => LiftedAt is null;

    public static Result<ApplicantBlock> Create(Actor actor, DateTimeOffset now, string? phone, string? email, string reason)
    {
        if (!actor.IsDepartment)
        {
            return IntakeErrors.NotDepartment;
        }

        var normalizedPhone = PhoneNumber.Normalize(phone);
        var normalizedEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        if (normalizedPhone is null && normalizedEmail is null)
        {
            return IntakeErrors.BlockContactRequired;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return IntakeErrors.BlockReasonRequired;
        }

        return new ApplicantBlock
        {
            Id = Guid.NewGuid(),
            Phone = normalizedPhone,
            Email = normalizedEmail,
            Reason = reason.Trim(),
            BlockedById = actor.Id,
            BlockedByName = actor.Name,
            BlockedAt = now,
        };
    }

    public Result Lift(Actor actor, DateTimeOffset now)
    {
        if (!actor.IsDepartment)
        {
            return IntakeErrors.NotDepartment;
        }

        if (!IsActive)
        {
            return IntakeErrors.AlreadyLifted;
        }

        LiftedAt = now;
        LiftedByName = actor.Name;
        return Result.Success();
    }

    public bool Matches(Applicant applicant) =>
        IsActive
        && ((Phone is not null && Phone == PhoneNumber.Normalize(applicant.Phone))
            || (Email is not null && string.Equals(Email, applicant.Email?.Trim(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// The screen every appeal passes before it is registered: blocked applicants (§2.5) and e-mail addresses on mail
/// domains the council does not accept (§2.1: "які надійшли з електронних адрес не українських серверів").
/// </summary>
public sealed class IntakeScreen
{
    private readonly IReadOnlyCollection<ApplicantBlock> blocks;
    private readonly HashSet<string> blockedDomains;

    public IntakeScreen(IEnumerable<ApplicantBlock> blocks, IEnumerable<string> blockedMailDomains)
    {
        this.blocks = blocks.Where(b => b.IsActive).ToList();
        blockedDomains = new HashSet<string>(
            blockedMailDomains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0),
            StringComparer.Ordinal);
    }

    public static IntakeScreen Open { get; } = new([], []);

    public Result Check(Applicant applicant, Channel channel)
    {
        if (blocks.Any(b => b.Matches(applicant)))
        {
            return IntakeErrors.ApplicantBlocked;
        }

        // §2.1 refuses appeals that came from such addresses: the web form and the API, not a call in which the
        // applicant mentions an e-mail among the contacts.
        if (channel is Channel.Web or Channel.Api && applicant.Email is { } email && IsBlockedDomain(email))
        {
            return IntakeErrors.MailDomainBlocked;
        }

        return Result.Success();
    }

    /// <summary>A listed domain blocks its subdomains too (mail.ru blocks list.mail.ru; "ru" blocks every *.ru).</summary>
    public bool IsBlockedDomain(string email)
    {
        var domain = EmailAddress.Domain(email);
        if (domain is null)
        {
            return false;
        }

        for (var candidate = domain; ; )
        {
            if (blockedDomains.Contains(candidate))
            {
                return true;
            }

            var dot = candidate.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            candidate = candidate[(dot + 1)..];
        }
    }
}

public enum RefusalReason
{
    /// <summary>Не містить обов'язкової інформації (ст. 5 Закону, п. 2.1).</summary>
    MissingMandatoryData,

    /// <summary>Електронна адреса не українського сервера (п. 2.1).</summary>
    BlockedMailDomain,

    /// <summary>Заявника заблоковано (п. 2.5).</summary>
    BlockedApplicant,

    /// <summary>Заклики до розпалювання ворожнечі (п. 2.5).</summary>
    HateSpeech,

    /// <summary>Повторне звернення з питання, вже вирішеного по суті (ст. 8 Закону).</summary>
    RepeatAlreadyDecided,

    /// <summary>Анонімне звернення (ст. 8 Закону).</summary>
    Anonymous,
}

/// <summary>
/// A refusal to register (§2.1, §2.5, Law art. 8): no card is created, but the refusal is kept with who, when and why,
/// so the Department can account for every contact.
/// </summary>
public sealed class RegistrationRefusal
{
    private RegistrationRefusal()
    {
        Explanation = string.Empty;
        RefusedById = string.Empty;
        RefusedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Channel Channel { get; private set; }

    public RefusalReason Reason { get; private set; }

    public string Explanation { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? ApplicantName { get; private set; }

    public string RefusedById { get; private set; }

    public string RefusedByName { get; private set; }

    public DateTimeOffset RefusedAt { get; private set; }

    public static Result<RegistrationRefusal> Create(Actor actor, DateTimeOffset now, Channel channel, RefusalReason reason, string explanation, string? phone, string? email, string? applicantName)
    {
        // Automatic refusals of the web form and the API are recorded by the system; manual ones only by the Department.
        if (!actor.IsDepartment && actor.Role != Role.System)
        {
            return IntakeErrors.NotDepartment;
        }

        if (string.IsNullOrWhiteSpace(explanation))
        {
            return IntakeErrors.RefusalReasonRequired;
        }

        return new RegistrationRefusal
        {
            Id = Guid.NewGuid(),
            Channel = channel,
            Reason = reason,
            Explanation = explanation.Trim(),
            Phone = PhoneNumber.Normalize(phone) ?? phone?.Trim(),
            Email = email?.Trim().ToLowerInvariant(),
            ApplicantName = applicantName?.Trim(),
            RefusedById = actor.Id,
            RefusedByName = actor.Name,
            RefusedAt = now,
        };
    }

    /// <summary>Which refusal a screening error stands for.</summary>
    public static RefusalReason? ReasonFor(Error error) =>
        error == IntakeErrors.ApplicantBlocked ? RefusalReason.BlockedApplicant
        : error == IntakeErrors.MailDomainBlocked ? RefusalReason.BlockedMailDomain
        : null;
}
