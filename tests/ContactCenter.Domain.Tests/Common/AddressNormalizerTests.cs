using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Tests.Common;

public sealed class AddressNormalizerTests
{
    [Theory]
    [InlineData("вул. Шевченка, 12", "шевченка 12")]
    [InlineData("вулиця Шевченка, 12", "шевченка 12")]
    [InlineData("ВУЛ.ШЕВЧЕНКА,12", "шевченка 12")]
    [InlineData("  вул.   Шевченка   12  ", "шевченка 12")]
    [InlineData("просп. Миру 5", "миру 5")]
    [InlineData("проспект Миру, буд. 5", "миру 5")]
    [InlineData("пров. Тихий 3", "тихий 3")]
    [InlineData("провулок Тихий, 3", "тихий 3")]
    [InlineData("пл. Соборна", "соборна")]
    [InlineData("площа Соборна", "соборна")]
    [InlineData("бульв. Польський 7", "польський 7")]
    [InlineData("бульвар Польський, будинок 7", "польський 7")]
    [InlineData("вул. Шевченка, 12-а", "шевченка 12а")]
    [InlineData("вул. Шевченка, 12 А", "шевченка 12а")]
    [InlineData("вул. Шевченка, 12/1", "шевченка 12/1")]
    [InlineData("вул. Шевченка, №12", "шевченка 12")]
    [InlineData("вул. Об'їзна, 4", "обїзна 4")]
    [InlineData("вул. Об’їзна, 4", "обїзна 4")]
    [InlineData("вул. Лесі Українки", "лесі українки")]
    [InlineData("вул. Mиpу 5", "миру 5")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalize_WhenWrittenDifferently_GivesComparableForm(string? input, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.Normalize(input));
    }

    [Fact]
    public void Normalize_WhenLatinWordHasNoCyrillic_LeavesLettersAlone()
    {
        Assert.Equal("park avenue 1", AddressNormalizer.Normalize("Park Avenue, 1"));
    }
}
