using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Appeals;
using ContactCenter.Portal.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Public;

/// <summary>What a citizen typed into the public form (§2.1), as it came; <see cref="Website"/> is the honeypot.</summary>
public sealed record PublicAppealForm
{
    public string? Surname { get; init; }

    public string? FirstName { get; init; }

    public string? Patronymic { get; init; }

    public string? Residence { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public Guid? ProblemId { get; init; }

    public string? ProblemAddress { get; init; }

    public string? Essence { get; init; }

    /// <summary>The applicant agreed to the processing of personal data after reading the notice.</summary>
    public bool Consent { get; init; }

    /// <summary>A field people do not see: only robots fill it.</summary>
    public string? Website { get; init; }
}

/// <summary>A file sent with the form.</summary>
public sealed record PublicUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// The outcome: the registration number, or the errors (by the domain's codes). <see cref="Discarded"/> is a submission
/// taken for a robot's: it looks accepted but nothing was created. <see cref="FileProblems"/> names files that were not
/// attached to a registered card.
/// </summary>
public sealed record PublicSubmitResult(string? RegistrationNumber, IReadOnlyList<Error> Errors, IReadOnlyList<string> FileProblems, bool Discarded = false)
{
    public bool IsSuccess => Errors.Count == 0;
}

public static class PublicErrors
{
    public const int MaxFiles = 5;

    public static readonly Error ConsentRequired = new("Public.ConsentRequired", "Щоб подати звернення, погодьтеся на обробку персональних даних.");
    public static readonly Error PhoneRequired = new("Public.PhoneRequired", "Вкажіть контактний телефон: за ним і номером звернення ви дізнаєтеся стан розгляду.");
    public static readonly Error TooManyFiles = new("Public.TooManyFiles", $"Можна додати не більше {MaxFiles} файлів.");
}

/// <summary>
/// §2.1: a web appeal is registered like a phone one (<see cref="RegisterAppeal"/>, channel Web, by the system) with
/// the registration letter in the same transaction, then its photos are attached.
/// </summary>
public sealed class SubmitPublicAppeal(
    RegisterAppeal register,
    AddAttachment attach,
    TimeProvider clock,
    ILogger<SubmitPublicAppeal> logger)
{
    public async Task<PublicSubmitResult> HandleAsync(PublicAppealForm form, IReadOnlyList<PublicUpload> files, string baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(files);
        if (!string.IsNullOrWhiteSpace(form.Website))
        {
            logger.LogWarning("Public form: honeypot filled, submission discarded");
            return new PublicSubmitResult(null, [], [], Discarded: true);
        }

        var early = new List<Error>();
        if (!form.Consent)
        {
            early.Add(PublicErrors.ConsentRequired);
        }

        if (string.IsNullOrWhiteSpace(form.Phone))
        {
            early.Add(PublicErrors.PhoneRequired);
        }

        if (files.Count > PublicErrors.MaxFiles)
        {
            early.Add(PublicErrors.TooManyFiles);
        }

        var applicant = new Applicant(
            form.Surname?.Trim() ?? string.Empty,
            form.FirstName?.Trim() ?? string.Empty,
            form.Patronymic?.Trim() ?? string.Empty,
            form.Residence?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
            string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim());
        var data = new NewAppeal(Channel.Web, applicant, form.Essence?.Trim() ?? string.Empty, form.ProblemAddress?.Trim() ?? string.Empty);

        // Every message at once, so the applicant corrects the form in one go: the domain's own checks of the data,
        // before anything is registered (the registration repeats them and adds the screening).
        early.AddRange(PrecheckErrors(data, form.ProblemId).Where(e => !early.Contains(e)));
        if (early.Count > 0)
        {
            return new PublicSubmitResult(null, early, []);
        }

        // The letter with the number and the links is written with the card: both exist, or neither.
        var command = new RegisterAppealCommand(data, form.ProblemId ?? Guid.Empty, Letter: card =>
            card.Email is null ? null : PublicLetters.Registration(card, baseUrl, clock.GetUtcNow()));
        var registered = await register.HandleAsync(command, Actor.System, cancellationToken);
        if (!registered.IsSuccess)
        {
            return new PublicSubmitResult(null, registered.Errors, []);
        }

        var number = registered.RegistrationNumber!;
        var problems = new List<string>();
        foreach (var file in files)
        {
            await using var content = file.Open();
            var added = await attach.HandleAsync(new AddAttachmentCommand(number, null, content, file.FileName, file.Length, IsPublic: false), AddAttachment.WebFormActor, cancellationToken);
            if (added.IsFailure)
            {
                problems.Add($"«{file.FileName}»: {added.Error.Message}");
            }
        }

        return new PublicSubmitResult(number, [], problems);
    }

    private static IEnumerable<Error> PrecheckErrors(NewAppeal data, Guid? problemId)
    {
        foreach (var error in data.Applicant.Normalized().Validate(data.Channel))
        {
            yield return error;
        }

        if (problemId is null)
        {
            yield return IntakeUseCaseErrors.ProblemRequired;
        }

        if (string.IsNullOrWhiteSpace(data.ProblemAddress))
        {
            yield return AppealErrors.ProblemAddressRequired;
        }

        if (string.IsNullOrWhiteSpace(data.Essence))
        {
            yield return AppealErrors.EssenceRequired;
        }
    }
}

/// <summary>Which field of the public form an error belongs to (the rest are shown above the form).</summary>
public static class PublicFormFields
{
    /// <summary>The registration fields shared with the call screen, and the public form's own.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldOf = new Dictionary<string, string>(RegistrationFields.FieldOf)
    {
        [PublicErrors.ConsentRequired.Code] = "consent",
        [PublicErrors.TooManyFiles.Code] = "files",
        [PublicErrors.PhoneRequired.Code] = "phone",
    };
}
