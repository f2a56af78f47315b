using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Intake;

namespace ContactCenter.Portal.Features.Intake;

/// <summary>
/// Which field of a registration form (the operator's call screen, the public web form) a refusal belongs to, so its
/// message appears under that field; errors not listed are shown above the form.
/// </summary>
public static class RegistrationFields
{
    public static readonly IReadOnlyDictionary<string, string> FieldOf = new Dictionary<string, string>
    {
        [AppealErrors.SurnameRequired.Code] = "surname",
        [AppealErrors.FirstNameRequired.Code] = "firstName",
        [AppealErrors.PatronymicRequired.Code] = "patronymic",
        [AppealErrors.ResidenceRequired.Code] = "residence",
        [AppealErrors.ContactRequired.Code] = "phone",
        [AppealErrors.PhoneInvalid.Code] = "phone",
        [IntakeErrors.ApplicantBlocked.Code] = "phone",
        [AppealErrors.EmailInvalid.Code] = "email",
        [AppealErrors.EmailRequiredForElectronic.Code] = "email",
        [IntakeErrors.MailDomainBlocked.Code] = "email",
        [AppealErrors.EssenceRequired.Code] = "essence",
        [AppealErrors.EssenceTooLong.Code] = "essence",
        [AppealErrors.ProblemAddressRequired.Code] = "address",
        [IntakeUseCaseErrors.ProblemRequired.Code] = "problem",
        [AppealErrors.ProblemInactive.Code] = "problem",
    };
}
