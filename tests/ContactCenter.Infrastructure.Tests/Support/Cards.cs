using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;

namespace ContactCenter.Infrastructure.Tests.Support;

/// <summary>A minimal organisation and classifier in a database, and cards registered through the domain.</summary>
public sealed class Cards
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Actor Operator = new("op-1", "Оператор Тестовий", Role.Operator);

    public Cards()
    {
        Direction = new Direction(Guid.NewGuid(), "Житлово-комунальне господарство", "Петренко П. П.");
        Water = new Executor(Guid.NewGuid(), "КП «Водоканал»", "Водоканал", ExecutorKind.UtilityCompany, Direction.Id, "Коваль І. І.");
        Roads = new Executor(Guid.NewGuid(), "КП «Благоустрій»", "Благоустрій", ExecutorKind.UtilityCompany, Direction.Id, "Шевчук О. О.");
        Section = new ClassifierSection(Guid.NewGuid(), "01", "Водопостачання");
        Problem = new ClassifierProblem(Guid.NewGuid(), "01.001", "Відсутнє водопостачання", Section.Id, Water.Id, NormativeTerm.Days(3), keywords: "вода");
    }

    public Direction Direction { get; }

    public Executor Water { get; }

    public Executor Roads { get; }

    public ClassifierSection Section { get; }

    public ClassifierProblem Problem { get; }

    public DeadlinePolicy Policy { get; } = new(WorkingCalendar.WeekendsOnly);

    public Actor WaterStaff => new("w-1", "Працівник Водоканалу", Role.ExecutorResponsible, Water.Id);

    public async Task AddReferenceDataAsync(ContactCenterDbContext db)
    {
        db.Directions.Add(Direction);
        db.Executors.AddRange(Water, Roads);
        db.ClassifierSections.Add(Section);
        db.ClassifierProblems.Add(Problem);
        await db.SaveChangesAsync();
    }

    public Appeal NewCard(DateTimeOffset? at = null, string phone = "0671234567", string essence = "Немає води з ранку")
    {
        var data = new NewAppeal(
            Channel.Phone,
            new Applicant("Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", phone, null),
            essence,
            "вул. Соборна, 1");
        return Appeal.Register(data, Problem, Water, Policy, IntakeScreen.Open, null, Operator, at ?? Now).Value;
    }
}
