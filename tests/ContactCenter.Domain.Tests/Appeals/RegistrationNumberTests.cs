using ContactCenter.Domain.Appeals;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData(2026, 123, "2026-000123")]
    [InlineData(2026, 1, "2026-000001")]
    [InlineData(2027, 999_999, "2027-999999")]
    [InlineData(2027, 1_234_567, "2027-1234567")]
    public void ToString_Always_YearDashSixDigitSequence(int year, long sequence, string expected)
    {
        Assert.Equal(expected, new RegistrationNumber(year, sequence).ToString());
    }

    [Theory]
    [InlineData("2026-000123", 2026, 123)]
    [InlineData(" 2026-000123 ", 2026, 123)]
    [InlineData("2027-000001", 2027, 1)]
    [InlineData("2027-1234567", 2027, 1_234_567)]
    public void TryParse_WhenWellFormed_ReturnsYearAndSequence(string text, int year, long sequence)
    {
        Assert.True(RegistrationNumber.TryParse(text, out var number));
        Assert.Equal(new RegistrationNumber(year, sequence), number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026")]
    [InlineData("2026-123")]
    [InlineData("26-000123")]
    [InlineData("2026-000000")]
    [InlineData("1999-000123")]
    [InlineData("2026/000123")]
    [InlineData("2026-00012a")]
    [InlineData("2026-000123-1")]
    [InlineData("-2026-000123")]
    [InlineData("2026--00123")]
    [InlineData("2026-+00123")]
    [InlineData("abcd-000123")]
    public void TryParse_WhenMalformed_ReturnsFalseAndDefault(string? text)
    {
        Assert.False(RegistrationNumber.TryParse(text, out var number));
        Assert.Equal(default, number);
    }

    [Fact]
    public void TryParse_WhenGivenToString_RoundTrips()
    {
        var number = new RegistrationNumber(2026, 4567);

        Assert.True(RegistrationNumber.TryParse(number.ToString(), out var parsed));
        Assert.Equal(number, parsed);
    }
}
