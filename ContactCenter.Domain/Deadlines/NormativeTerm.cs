namespace ContactCenter.Domain.Deadlines;

public enum TermUnit
{
    Hours,
    Days,
}

/// <summary>
/// The term the Classifier sets for a kind of problem: hours for an emergency, days otherwise.
/// It may be shorter than the Law's limit, never longer (the policy caps it).
/// </summary>
public sealed record NormativeTerm(int Value, TermUnit Unit)
{
    public int Value { get; } = Value > 0
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, "A term must be positive.");

    public TermUnit Unit { get; } = Enum.IsDefined(Unit)
        ? Unit
        : throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown unit of a term.");

    public static NormativeTerm Hours(int hours) => new(hours, TermUnit.Hours);

    public static NormativeTerm Days(int days) => new(days, TermUnit.Days);

    public override string ToString() => Unit == TermUnit.Hours ? $"{Value} год." : $"{Value} дн.";
}
