using System.Globalization;

namespace ContactCenter.Domain.Appeals;

/// <summary>
/// Реєстраційний номер (§2.2: given to the applicant at the end of registration): the year of receipt and a sequence
/// that restarts every year, e.g. <c>2026-000123</c>. The sequence itself is allocated by the database under a lock,
/// so it is unique under concurrent registration.
/// </summary>
public readonly record struct RegistrationNumber(int Year, long Sequence)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Sequence:D6}");

    public static bool TryParse(string? text, out RegistrationNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length != 2
            || parts[0].Length != 4
            || parts[1].Length < 6
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || year < 2000
            || sequence < 1)
        {
            return false;
        }

        number = new RegistrationNumber(year, sequence);
        return true;
    }
}
