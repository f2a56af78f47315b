using System.Globalization;

namespace ContactCenter.Benchmarks.Support;

/// <summary><c>--name value</c> pairs; a bare <c>--flag</c> means true.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> values;

    private CommandLine(Dictionary<string, string> values) => this.values = values;

    public static CommandLine Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    values[name] = "true";
                }

                name = arg[2..];
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        if (name is not null)
        {
            values[name] = "true";
        }

        return new CommandLine(values);
    }

    public string? String(string name) => values.GetValueOrDefault(name);

    public string String(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException($"--{name} must be a whole number, not '{text}'.")
            : fallback;

    /// <summary>A comma-separated list such as <c>1,100,1000</c>.</summary>
    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"--{name} takes positive whole numbers separated by commas, not '{text}'.");
            }

            list.Add(value);
        }

        return list.Count > 0 ? list : throw new ArgumentException($"--{name} is empty.");
    }
}
