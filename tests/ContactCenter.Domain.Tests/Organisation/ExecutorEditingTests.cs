using ContactCenter.Domain.Organisation;

namespace ContactCenter.Domain.Tests.Organisation;

public sealed class ExecutorEditingTests
{
    private static Executor Executor() =>
        new(Guid.NewGuid(), "КП «Водоканал»", "Водоканал", ExecutorKind.UtilityCompany, Guid.NewGuid(), "Коваль І. І.");

    [Fact]
    public void Rename_WhenShortNameEmpty_UsesTheFullName()
    {
        var executor = Executor();

        executor.Rename(" КП «Пирятинський водоканал» ", " ");

        Assert.Equal("КП «Пирятинський водоканал»", executor.Name);
        Assert.Equal("КП «Пирятинський водоканал»", executor.ShortName);
    }

    [Fact]
    public void ChangeKind_WhenUnknown_Throws()
    {
        var executor = Executor();

        executor.ChangeKind(ExecutorKind.Starosta);

        Assert.Equal(ExecutorKind.Starosta, executor.Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => executor.ChangeKind((ExecutorKind)42));
    }
}
