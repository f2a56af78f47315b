using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Tests.Classification;

public sealed class ClassifierEditingTests
{
    private static ClassifierProblem Problem() =>
        new(Guid.NewGuid(), "01.02", "Низький тиск води", Guid.NewGuid(), Guid.NewGuid(), NormativeTerm.Days(10), keywords: "напір");

    [Theory]
    [InlineData(1, TermUnit.Days)]
    [InlineData(45, TermUnit.Days)]
    [InlineData(4, TermUnit.Hours)]
    [InlineData(1080, TermUnit.Hours)]
    public void CheckTerm_WhenWithinTheLaw_GivesTheTerm(int value, TermUnit unit)
    {
        var term = ClassifierProblem.CheckTerm(value, unit);

        Assert.True(term.IsSuccess);
        Assert.Equal(new NormativeTerm(value, unit), term.Value);
    }

    [Theory]
    [InlineData(0, TermUnit.Days, "Classifier.TermNotPositive")]
    [InlineData(-3, TermUnit.Hours, "Classifier.TermNotPositive")]
    [InlineData(46, TermUnit.Days, "Classifier.TermTooLong")]
    [InlineData(1081, TermUnit.Hours, "Classifier.TermTooLong")]
    [InlineData(5, (TermUnit)7, "Classifier.UnknownTermUnit")]
    public void CheckTerm_WhenOutsideTheLaw_IsRefusedWithAReason(int value, TermUnit unit, string code)
    {
        var term = ClassifierProblem.CheckTerm(value, unit);

        Assert.True(term.IsFailure);
        Assert.Equal(code, term.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(term.Error.Message));
    }

    [Fact]
    public void ChangeKeywords_FoldsSeparatorsIntoSingleSpaces()
    {
        var problem = Problem();

        problem.ChangeKeywords(" вода,  тиск;\nнапір ");

        Assert.Equal("вода тиск напір", problem.Keywords);
        Assert.True(problem.Matches("тиск"));
    }

    [Fact]
    public void Rename_TrimsAndKeepsTheCode()
    {
        var problem = Problem();

        problem.Rename("  Слабкий напір води ");

        Assert.Equal("Слабкий напір води", problem.Name);
        Assert.Equal("01.02", problem.Code);
    }

    [Fact]
    public void Rename_WhenEmpty_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Problem().Rename(" "));
        Assert.ThrowsAny<ArgumentException>(() => new ClassifierSection(Guid.NewGuid(), "01", "Вода").Rename(""));
    }

    [Fact]
    public void Describe_WhenBlank_ClearsTheDescription()
    {
        var problem = Problem();
        problem.Describe("Опис");

        problem.Describe("  ");

        Assert.Null(problem.Description);
    }

    [Fact]
    public void DeactivateThenActivate_RestoresTheProblem()
    {
        var problem = Problem();

        problem.Deactivate();
        Assert.False(problem.IsActive);
        problem.Activate();

        Assert.True(problem.IsActive);
    }

    [Fact]
    public void MoveToSection_ChangesOnlyTheSection()
    {
        var problem = Problem();
        var section = Guid.NewGuid();

        problem.MoveToSection(section);

        Assert.Equal(section, problem.SectionId);
        Assert.Equal("Низький тиск води", problem.Name);
    }

    [Fact]
    public void Section_RenameAndChangeCode_Trim()
    {
        var section = new ClassifierSection(Guid.NewGuid(), "01", "Вода");

        section.Rename(" Водопостачання ");
        section.ChangeCode(" 15 ");

        Assert.Equal("Водопостачання", section.Name);
        Assert.Equal("15", section.Code);
    }
}
