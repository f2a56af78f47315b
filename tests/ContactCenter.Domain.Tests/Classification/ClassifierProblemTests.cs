using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Tests.Classification;

public sealed class ClassifierProblemTests
{
    private static readonly Guid DefaultExecutor = new("a0000000-0000-0000-0000-0000000000e1");

    private static readonly Guid Starosta = new("c0000000-0000-0000-0000-0000000000e3");

    private static readonly Guid Village = new("c0000000-0000-0000-0000-00000000000f");

    private static readonly Guid City = new("d0000000-0000-0000-0000-00000000000f");

    private static ClassifierProblem Problem(string name = "Низький тиск води", string? keywords = "водопостачання напір") =>
        new(Guid.NewGuid(), "01.02", name, Guid.NewGuid(), DefaultExecutor, NormativeTerm.Days(10), keywords: keywords);

    // ---- RouteFor ----

    [Fact]
    public void RouteFor_WhenNoTerritory_ReturnsDefaultExecutor()
    {
        var problem = Problem();
        problem.SetRoute(Village, Starosta);

        Assert.Equal(DefaultExecutor, problem.RouteFor(null));
    }

    [Fact]
    public void RouteFor_WhenTerritoryHasOverride_ReturnsItsExecutor()
    {
        var problem = Problem();
        problem.SetRoute(Village, Starosta);

        Assert.Equal(Starosta, problem.RouteFor(Village));
    }

    [Fact]
    public void RouteFor_WhenTerritoryHasNoOverride_ReturnsDefaultExecutor()
    {
        var problem = Problem();
        problem.SetRoute(Village, Starosta);

        Assert.Equal(DefaultExecutor, problem.RouteFor(City));
    }

    [Fact]
    public void SetRoute_WhenSetAgain_ReplacesTheOverride()
    {
        var problem = Problem();
        var other = Guid.NewGuid();
        problem.SetRoute(Village, Starosta);

        problem.SetRoute(Village, other);

        Assert.Equal(other, problem.RouteFor(Village));
        Assert.Single(problem.Routes);
    }

    [Fact]
    public void SetRoute_WhenToTheDefaultExecutor_KeepsNoOverride()
    {
        var problem = Problem();
        problem.SetRoute(Village, Starosta);

        problem.SetRoute(Village, DefaultExecutor);

        Assert.Empty(problem.Routes);
        Assert.Equal(DefaultExecutor, problem.RouteFor(Village));
    }

    [Fact]
    public void RemoveRoute_Always_FallsBackToTheDefault()
    {
        var problem = Problem();
        problem.SetRoute(Village, Starosta);

        problem.RemoveRoute(Village);

        Assert.Equal(DefaultExecutor, problem.RouteFor(Village));
    }

    [Fact]
    public void ChangeDefaultExecutor_WhenItHadAnOverride_DropsThatOverride()
    {
        var problem = Problem();
        problem.SetRoute(Village, Starosta);

        problem.ChangeDefaultExecutor(Starosta);

        Assert.Empty(problem.Routes);
        Assert.Equal(Starosta, problem.RouteFor(City));
        Assert.Equal(Starosta, problem.RouteFor(Village));
    }

    // ---- Matches ----

    [Theory]
    [InlineData("вод тиск")]
    [InlineData("ТИСК")]
    [InlineData("низьк")]
    [InlineData("напір")]
    [InlineData("водопост")]
    [InlineData("01.02")]
    [InlineData("  тиск   води ")]
    [InlineData("")]
    [InlineData("   ")]
    public void Matches_WhenEveryWordStartsAWordOfTheProblem_IsTrue(string query)
    {
        Assert.True(Problem().Matches(query));
    }

    [Theory]
    [InlineData("иск")]
    [InlineData("тиск світло")]
    [InlineData("газ")]
    [InlineData("оди")]
    public void Matches_WhenSomeWordStartsNoWord_IsFalse(string query)
    {
        Assert.False(Problem().Matches(query));
    }

    [Fact]
    public void Matches_WhenApostropheWrittenDifferently_StillMatches()
    {
        var problem = Problem("Пошкодження м'ячиків дитячого майданчика", keywords: null);

        Assert.True(problem.Matches("м’яч"));
        Assert.True(problem.Matches("мʼяч"));
    }

    [Fact]
    public void Deactivate_Always_MakesTheProblemInactive()
    {
        var problem = Problem();
        Assert.True(problem.IsActive);

        problem.Deactivate();

        Assert.False(problem.IsActive);
    }
}
