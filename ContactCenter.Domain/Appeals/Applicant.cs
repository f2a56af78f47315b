using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Appeals;

/// <summary>
/// The applicant's data as Law art. 5 requires it: surname, name, patronymic, residence, a means of contact;
/// e-mail for electronic appeals. Art. 10 forbids disclosing it: <see cref="IsConfidential"/> hides the person
/// even from the executor, who then sees only the problem.
/// </summary>
public sealed record Applicant(
    string Surname,
    string FirstName,
    string Patronymic,
    string ResidenceAddress,
    string? Phone,
    string? Email,
    string? OtherContact = null,
    PrivilegedCategory Privilege = PrivilegedCategory.None,
    AuthorCategory Category = AuthorCategory.NotSpecified,
    bool IsConfidential = false)
{
    public string FullName => string.Join(' ', new[] { Surname, FirstName, Patronymic }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public bool IsPrivileged => Privilege != PrivilegedCategory.None;

    /// <summary>Trims every field and brings the phone and e-mail to their canonical form.</summary>
    public Applicant Normalized() => this with
    {
        Surname = Surname?.Trim() ?? string.Empty,
        FirstName = FirstName?.Trim() ?? string.Empty,
        Patronymic = Patronymic?.Trim() ?? string.Empty,
        ResidenceAddress = ResidenceAddress?.Trim() ?? string.Empty,
        Phone = PhoneNumber.Normalize(Phone) ?? (string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim()),
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim().ToLowerInvariant(),
        OtherContact = string.IsNullOrWhiteSpace(OtherContact) ? null : OtherContact.Trim(),
    };

    /// <summary>
    /// Law art. 5 (and §2.2): which mandatory data are missing or malformed. Empty when the applicant may be registered.
    /// </summary>
    public IReadOnlyList<Error> Validate(Channel channel)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(Surname))
        {
            errors.Add(AppealErrors.SurnameRequired);
        }

        if (string.IsNullOrWhiteSpace(FirstName))
        {
            errors.Add(AppealErrors.FirstNameRequired);
        }

        if (string.IsNullOrWhiteSpace(Patronymic))
        {
            errors.Add(AppealErrors.PatronymicRequired);
        }

        if (string.IsNullOrWhiteSpace(ResidenceAddress))
        {
            errors.Add(AppealErrors.ResidenceRequired);
        }

        var hasPhone = !string.IsNullOrWhiteSpace(Phone);
        if (hasPhone && PhoneNumber.Normalize(Phone) is null)
        {
            errors.Add(AppealErrors.PhoneInvalid);
        }

        var hasEmail = !string.IsNullOrWhiteSpace(Email);
        if (hasEmail && !EmailAddress.IsValid(Email!))
        {
            errors.Add(AppealErrors.EmailInvalid);
        }

        if (channel is Channel.Web or Channel.Api)
        {
            // Law art. 5: an electronic appeal must carry the author's e-mail.
            if (!hasEmail)
            {
                errors.Add(AppealErrors.EmailRequiredForElectronic);
            }
        }
        else if (!hasPhone && !hasEmail && string.IsNullOrWhiteSpace(OtherContact))
        {
            errors.Add(AppealErrors.ContactRequired);
        }

        return errors;
    }
}

/// <summary>Ukrainian phone numbers in one canonical form (+380XXXXXXXXX), so the applicant's history is found by phone.</summary>
public static class PhoneNumber
{
    /// <summary>The canonical form, or null when the text is not a Ukrainian phone number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.Count(c => char.IsLetter(c)) > 0)
        {
            return null;
        }

        digits = digits.Length switch
        {
            12 when digits.StartsWith("380", StringComparison.Ordinal) => digits,
            11 when digits.StartsWith("80", StringComparison.Ordinal) => "3" + digits,
            10 when digits.StartsWith('0') => "38" + digits,
            9 => "380" + digits,
            _ => string.Empty,
        };

        // After the country code 380 comes a two-digit operator or area code that never starts with 0: "+3800…" is a
        // mistyped local number (a digit short), not a Ukrainian number.
        return digits.Length == 12 && digits[3] != '0' ? "+" + digits : null;
    }
}

public static class EmailAddress
{
    /// <summary>A plain structural check: one @, a local part, a domain with a dot, no spaces.</summary>
    public static bool IsValid(string email)
    {
        var text = email.Trim();
        var at = text.IndexOf('@');
        return at > 0
            && at == text.LastIndexOf('@')
            && at < text.Length - 1
            && !text.Any(char.IsWhiteSpace)
            && Domain(text) is { } domain
            && domain.Contains('.')
            && !domain.StartsWith('.')
            && !domain.EndsWith('.');
    }

    /// <summary>The domain part, lower case, or null.</summary>
    public static string? Domain(string email)
    {
        var text = email.Trim();
        var at = text.LastIndexOf('@');
        return at >= 0 && at < text.Length - 1 ? text[(at + 1)..].ToLowerInvariant() : null;
    }
}
