using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Intake;

/// <summary>An earlier card, as much of it as repeat detection needs.</summary>
public sealed record PriorAppeal(
    Guid Id,
    string RegistrationNumber,
    Guid ProblemId,
    string ProblemAddressKey,
    string? Phone,
    string? Email,
    DateTimeOffset RegisteredAt,
    AppealStatus Status,
    AppealResult? Result);

/// <summary>
/// §4.1: "повторних/неодноразових звернень з однієї причини і проблеми". A new card from the same applicant (phone or
/// e-mail) on the same problem at the same address within the window is a repeat of the latest such card.
/// </summary>
public static class RepeatDetector
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public static RepeatMatch? Find(Applicant applicant, Guid problemId, string problemAddress, IEnumerable<PriorAppeal> earlier, DateTimeOffset now, TimeSpan window)
    {
        var phone = PhoneNumber.Normalize(applicant.Phone);
        var email = string.IsNullOrWhiteSpace(applicant.Email) ? null : applicant.Email.Trim().ToLowerInvariant();
        var addressKey = AddressNormalizer.Normalize(problemAddress);
        var match = earlier
            .Where(e => e.ProblemId == problemId
                && e.ProblemAddressKey == addressKey
                && e.RegisteredAt <= now
                && now - e.RegisteredAt <= window
                && ((phone is not null && e.Phone == phone) || (email is not null && string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(e => e.RegisteredAt)
            .FirstOrDefault();
        if (match is null)
        {
            return null;
        }

        // Law art. 8: a repeat of an appeal already decided on the merits may be left without consideration.
        var decidedOnMerits = match.Status == AppealStatus.Closed
            && match.Result is AppealResult.ResolvedPositively or AppealResult.Refused or AppealResult.Explained;
        return new RepeatMatch(match.Id, match.RegistrationNumber, decidedOnMerits);
    }
}
