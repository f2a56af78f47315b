using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Domain.Common;

/// <summary>
/// Brings an address written by a person to a comparable form: lower case, no street-type words, no punctuation,
/// single spaces. "вулиця Шевченка, 12" and "вул. Шевченка 12" both become "шевченка 12".
/// Used to match a caller's address against repair works (§3.1) and to find repeated appeals.
/// </summary>
public static partial class AddressNormalizer
{
    /// <summary>Street-type and building words, full and abbreviated; they vary between writers and carry no identity.</summary>
    private static readonly HashSet<string> NoiseWords = new(StringComparer.Ordinal)
    {
        "вул", "вулиця",
        "просп", "проспект",
        "пров", "провулок",
        "пл", "площа",
        "бульв", "бульвар",
        "буд", "будинок",
    };

    /// <summary>
    /// Latin letters that look like Cyrillic ones (in either case: A B C E H I K M O P T X Y), lower-cased;
    /// mixed keyboard layouts put them into Ukrainian words.
    /// </summary>
    private static readonly Dictionary<char, char> LatinLookalikes = new()
    {
        ['a'] = 'а', ['b'] = 'в', ['c'] = 'с', ['e'] = 'е', ['h'] = 'н', ['i'] = 'і', ['k'] = 'к',
        ['m'] = 'м', ['o'] = 'о', ['p'] = 'р', ['t'] = 'т', ['x'] = 'х', ['y'] = 'у',
    };

    public static string Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return string.Empty;
        }

        var text = address.ToLowerInvariant();

        // Apostrophes are written in several ways (', ’, ʼ, `); dropping them makes "Об'їзна" equal "Об’їзна".
        text = Apostrophes().Replace(text, string.Empty);
        text = Punctuation().Replace(text, " ");

        var tokens = text
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(FixLookalikes)
            .Where(token => !NoiseWords.Contains(token));

        var joined = string.Join(' ', tokens);

        // "12 а" and "12-а" are the same building as "12а".
        return BuildingLetter().Replace(joined, "$1$2");
    }

    private static string FixLookalikes(string token)
    {
        if (!token.Any(IsCyrillic))
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            builder.Append(LatinLookalikes.TryGetValue(c, out var cyrillic) ? cyrillic : c);
        }

        return builder.ToString();
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    [GeneratedRegex("['’ʼ`‘]")]
    private static partial Regex Apostrophes();

    // Everything but letters, digits and "/" (building 12/1) separates words: commas, dots, hyphens, "№", quotes.
    [GeneratedRegex(@"[^\p{L}\p{N}/]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"(\d)\s([\p{L}])(?=\s|$)")]
    private static partial Regex BuildingLetter();
}
