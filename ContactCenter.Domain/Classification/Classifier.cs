using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Classification;

/// <summary>Розділ класифікатора: a node of the classifier tree (sections may nest).</summary>
public sealed class ClassifierSection
{
    private ClassifierSection()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public ClassifierSection(Guid id, string code, string name, Guid? parentId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Code = code.Trim();
        Name = name.Trim();
        ParentId = parentId;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public Guid? ParentId { get; private set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public void ChangeCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code.Trim();
    }
}

/// <summary>A per-territory exception to a problem's default executor (e.g. the starosta for a village).</summary>
public sealed record TerritoryRoute(Guid TerritoryId, Guid ExecutorId);

/// <summary>
/// Питання (проблема) класифікатора: decides who resolves an appeal (§2.2: "визначається виконавець … згідно з
/// Класифікатором", §2.3) and in what normative term (§2.2: "строк розгляду встановлюється автоматично").
/// </summary>
public sealed class ClassifierProblem
{
    private readonly List<TerritoryRoute> routes = [];

    private ClassifierProblem()
    {
        Code = string.Empty;
        Name = string.Empty;
        Keywords = string.Empty;
        Term = NormativeTerm.Days(DeadlinePolicy.NoStudyDays);
    }

    public ClassifierProblem(
        Guid id,
        string code,
        string name,
        Guid sectionId,
        Guid defaultExecutorId,
        NormativeTerm term,
        bool needsAdditionalStudy = false,
        string? keywords = null,
        string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Code = code.Trim();
        Name = name.Trim();
        SectionId = sectionId;
        DefaultExecutorId = defaultExecutorId;
        Term = term;
        NeedsAdditionalStudy = needsAdditionalStudy;
        Keywords = keywords?.Trim() ?? string.Empty;
        Description = description;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code, also the Open311 service_code.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public Guid SectionId { get; private set; }

    public Guid DefaultExecutorId { get; private set; }

    /// <summary>Нормативний строк: hours for emergencies, days otherwise; Law art. 20 caps it.</summary>
    public NormativeTerm Term { get; private set; }

    /// <summary>
    /// Law art. 20: an appeal that needs no additional study is resolved within 15 days, otherwise within a month.
    /// </summary>
    public bool NeedsAdditionalStudy { get; private set; }

    /// <summary>Words operators and citizens search by, besides the name (space separated).</summary>
    public string Keywords { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyList<TerritoryRoute> Routes => routes;

    /// <summary>§2.2: the executor follows from the problem and, where the classifier says so, the territory.</summary>
    public Guid RouteFor(Guid? territoryId)
    {
        if (territoryId is { } id)
        {
            var route = routes.FirstOrDefault(r => r.TerritoryId == id);
            if (route is not null)
            {
                return route.ExecutorId;
            }
        }

        return DefaultExecutorId;
    }

    public void SetRoute(Guid territoryId, Guid executorId)
    {
        routes.RemoveAll(r => r.TerritoryId == territoryId);
        if (executorId != DefaultExecutorId)
        {
            routes.Add(new TerritoryRoute(territoryId, executorId));
        }
    }

    public void RemoveRoute(Guid territoryId) => routes.RemoveAll(r => r.TerritoryId == territoryId);

    public void ChangeTerm(NormativeTerm term, bool needsAdditionalStudy)
    {
        Term = term;
        NeedsAdditionalStudy = needsAdditionalStudy;
    }

    public void ChangeDefaultExecutor(Guid executorId)
    {
        DefaultExecutorId = executorId;
        routes.RemoveAll(r => r.ExecutorId == executorId);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public void MoveToSection(Guid sectionId) => SectionId = sectionId;

    /// <summary>Keywords are kept as one space-separated line: commas, semicolons and repeated spaces are folded.</summary>
    public void ChangeKeywords(string? keywords) => Keywords = NormalizeKeywords(keywords);

    public void Describe(string? description) =>
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    public static string NormalizeKeywords(string? keywords) =>
        string.Join(' ', (keywords ?? string.Empty).Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A normative term the classifier may hold: positive, and no longer than the Law's absolute limit (art. 20: 45 days,
    /// or as many hours). A shorter limit for a problem without additional study is applied when the due date is set.
    /// </summary>
    public static Result<NormativeTerm> CheckTerm(int value, TermUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            return ClassifierErrors.UnknownTermUnit;
        }

        if (value <= 0)
        {
            return ClassifierErrors.TermNotPositive;
        }

        var max = unit == TermUnit.Days ? DeadlinePolicy.MaxTotalDays : DeadlinePolicy.MaxTotalDays * 24;
        return value > max ? ClassifierErrors.TermTooLong(unit, max) : new NormativeTerm(value, unit);
    }

    /// <summary>
    /// Operators search the classifier "by any Ukrainian word": every word of the query must start a word of the
    /// problem's name, keywords or code (case-insensitive), so "вод тиск" finds "Низький тиск води".
    /// </summary>
    public bool Matches(string query) => TextMatches($"{Code} {Name} {Keywords}", query);

    /// <summary>The same rule for any text describing a problem (a list shown to operators, the public form).</summary>
    public static bool TextMatches(string text, string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        var haystack = Tokenize(text);
        return Tokenize(query).All(q => haystack.Any(h => h.StartsWith(q, StringComparison.Ordinal)));
    }

    private static string[] Tokenize(string text) =>
        text.ToLowerInvariant()
            .Replace('’', '\'')
            .Replace('ʼ', '\'')
            .Split([' ', ',', '.', ';', ':', '-', '(', ')', '/', '"', '«', '»'], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The classifier's rules, in words an administrator reads.</summary>
public static class ClassifierErrors
{
    public static readonly Error TermNotPositive = new("Classifier.TermNotPositive", "Строк має бути цілим додатним числом.");

    public static readonly Error UnknownTermUnit = new("Classifier.UnknownTermUnit", "Одиниця строку: «дні» або «години».");

    public static Error TermTooLong(TermUnit unit, int max) => new(
        "Classifier.TermTooLong",
        unit == TermUnit.Days
            ? $"Строк не може перевищувати {max} днів (ст. 20 Закону «Про звернення громадян»)."
            : $"Строк не може перевищувати {max} годин (45 днів, ст. 20 Закону «Про звернення громадян»).");
}
