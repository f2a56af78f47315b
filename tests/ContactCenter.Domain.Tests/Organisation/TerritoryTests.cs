using ContactCenter.Domain.Organisation;

namespace ContactCenter.Domain.Tests.Organisation;

public sealed class TerritoryTests
{
    private static readonly Territory City = new(Guid.NewGuid(), "м. Пирятин", TerritoryKind.City, ["м. Пирятин"]);
    private static readonly Territory Kruchanskyi = new(Guid.NewGuid(), "Великокручанський старостинський округ", TerritoryKind.StarostaDistrict, ["с. Велика Круча", "с. Мала Круча"]);
    private static readonly Territory Sasynivskyi = new(Guid.NewGuid(), "Сасинівський старостинський округ", TerritoryKind.StarostaDistrict, ["с. Сасинівка"]);

    [Theory]
    [InlineData("с. Сасинівка, вул. Набережна, 37", "Сасинівський старостинський округ")]
    [InlineData("село Велика Круча, вул. Шкільна 3", "Великокручанський старостинський округ")]
    [InlineData("Мала Круча, вул. Садова, 1", "Великокручанський старостинський округ")]
    [InlineData("м. Пирятин, вул. Соборна, 10", "м. Пирятин")]
    [InlineData("вул. Соборна, 10", null)]
    [InlineData("с. Круча, вул. Садова, 1", null)]
    public void Of_AnAddress_FindsTheTerritoryOfItsSettlement(string address, string? expected)
    {
        Assert.Equal(expected, Territory.Of([City, Kruchanskyi, Sasynivskyi], address)?.Name);
    }
}
