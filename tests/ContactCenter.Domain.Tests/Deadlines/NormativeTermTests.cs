using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Tests.Deadlines;

public sealed class NormativeTermTests
{
    [Theory]
    [InlineData(0, TermUnit.Hours)]
    [InlineData(-1, TermUnit.Days)]
    [InlineData(int.MinValue, TermUnit.Days)]
    public void Constructor_WhenValueNotPositive_Throws(int value, TermUnit unit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormativeTerm(value, unit));
    }

    [Theory]
    [InlineData(24, TermUnit.Hours, "24 год.")]
    [InlineData(15, TermUnit.Days, "15 дн.")]
    [InlineData(1, TermUnit.Days, "1 дн.")]
    public void ToString_WhenTermGiven_IsUkrainian(int value, TermUnit unit, string expected)
    {
        Assert.Equal(expected, new NormativeTerm(value, unit).ToString());
    }

    [Fact]
    public void Factories_WhenCalled_SetValueAndUnit()
    {
        Assert.Equal(new NormativeTerm(4, TermUnit.Hours), NormativeTerm.Hours(4));
        Assert.Equal(new NormativeTerm(10, TermUnit.Days), NormativeTerm.Days(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormativeTerm.Days(0));
    }
}
