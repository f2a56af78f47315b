using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;

namespace ContactCenter.Portal.Tests.Features.Dashboard;

/// <summary>
/// A data set with known answers for the dashboard, as of <see cref="Now"/> (Wednesday 18.03.2026, 12:00 in Kyiv).
/// The problem's term is 3 days on a weekends-only calendar; a term ends at 23:59:59 Kyiv time.
/// <code>
///                         open  at risk  overdue  extended  compliance (March so far)
/// ЖКГ   Водоканал            5        1        2         1  1 on time / (2 closed + 2 overdue) = 25.0
///       Благоустрій          1        0        1         0  1 / (1 + 1) = 50.0
///       Теплосервіс          0        0        0         0  —
///       direction            6        1        3         1  2 / (3 + 3) = 33.3
/// Освіта Школа № 1           2        0        1         0  0 / (0 + 1) = 0.0
/// all                        8        1        4         1  2 / (3 + 4) = 28.6
/// </code>
/// </summary>
public sealed class DashboardData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    private DashboardData(Cards cards, Direction education, Executor quiet, Executor school)
    {
        Cards = cards;
        Education = education;
        Quiet = quiet;
        School = school;
    }

    public Cards Cards { get; }

    /// <summary>Житлово-комунальне господарство: Водоканал, Благоустрій and the quiet Теплосервіс.</summary>
    public Direction Utilities => Cards.Direction;

    public Executor Water => Cards.Water;

    public Executor Roads => Cards.Roads;

    /// <summary>An executor of the utilities with no card at all: listed with zeros.</summary>
    public Executor Quiet { get; }

    public Direction Education { get; }

    public Executor School { get; }

    /// <summary>Registration numbers by the names used in the table above.</summary>
    public Dictionary<string, string> Numbers { get; } = [];

    public Actor UtilitiesDeputy => new("deputy-1", "Ковтун О. М.", Role.Deputy, DirectionIds: [Utilities.Id]);

    public Actor EducationDeputy => new("deputy-2", "Гончар Н. В.", Role.Deputy, DirectionIds: [Education.Id]);

    public static Actor Manager => new("manager-1", "Кочур Л. В.", Role.Manager);

    public Actor WaterStaff => Cards.WaterStaff;

    public static async Task<DashboardData> SeedAsync(TestDatabase database)
    {
        var cards = new Cards();
        var education = new Direction(Guid.NewGuid(), "Освіта", "Гончар Н. В.");
        var quiet = new Executor(Guid.NewGuid(), "КП «Теплосервіс»", "Теплосервіс", ExecutorKind.UtilityCompany, cards.Direction.Id, "Бондар В. В.");
        var school = new Executor(Guid.NewGuid(), "Школа № 1", "Школа № 1", ExecutorKind.CouncilDepartment, education.Id, "Лисенко Г. Г.");
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            db.Directions.Add(education);
            db.Executors.AddRange(quiet, school);
            await db.SaveChangesAsync();
        }

        var data = new DashboardData(cards, education, quiet, school);
        var march = (int day, int hour) => new DateTimeOffset(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

        // Водоканал.
        await data.AddAsync(database, "w-overdue", data.Register(cards.Water, march(5, 9)));
        var extended = data.Register(cards.Water, march(2, 9));
        data.Extend(extended, march(4, 9), new DateOnly(2026, 3, 10));
        await data.AddAsync(database, "w-extended-overdue", extended);
        await data.AddAsync(database, "w-at-risk", data.Register(cards.Water, march(15, 9)));
        await data.AddAsync(database, "w-on-time", data.Register(cards.Water, Now.AddMinutes(-30)));
        var ser = data.Register(cards.Water, march(3, 9));
        data.IncludeInSerPlan(ser, march(5, 10));
        await data.AddAsync(database, "w-ser", ser);
        var closedOnTime = data.Register(cards.Water, march(10, 9));
        Close(closedOnTime, march(12, 9));
        await data.AddAsync(database, "w-closed-on-time", closedOnTime);
        var closedLate = data.Register(cards.Water, march(2, 8));
        Close(closedLate, march(9, 9));
        await data.AddAsync(database, "w-closed-late", closedLate);
        var february = data.Register(cards.Water, new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero));
        Close(february, new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        await data.AddAsync(database, "w-closed-in-february", february);

        // Благоустрій.
        await data.AddAsync(database, "r-overdue", data.Register(cards.Roads, march(1, 9)));
        var roadsClosed = data.Register(cards.Roads, march(14, 9));
        Close(roadsClosed, march(16, 9));
        await data.AddAsync(database, "r-closed-on-time", roadsClosed);

        // Школа № 1.
        await data.AddAsync(database, "s-overdue", data.Register(school, march(2, 9)));
        await data.AddAsync(database, "s-on-time", data.Register(school, Now.AddHours(-1)));
        return data;
    }

    /// <summary>A new card for <paramref name="executor"/> registered at <paramref name="at"/>, saved; returns its number.</summary>
    public async Task<string> AddCardAsync(TestDatabase database, Executor executor, DateTimeOffset at, string key)
    {
        await AddAsync(database, key, Register(executor, at));
        return Numbers[key];
    }

    public Appeal Register(Executor executor, DateTimeOffset at) =>
        Appeal.Register(
            new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", "0671234567", null), "Немає води з ранку", "вул. Соборна, 1"),
            Cards.Problem,
            executor,
            Cards.Policy,
            IntakeScreen.Open,
            null,
            Cards.Operator,
            at).Value;

    private async Task AddAsync(TestDatabase database, string key, Appeal card)
    {
        await using var db = database.CreateContext();
        Numbers[key] = (await CardStore.SaveNewAsync(db, card, Cards.Policy)).ToString();
    }

    private Actor StaffOf(Appeal card) => new("staff-" + card.ExecutorId, "Відповідальна особа", Role.ExecutorResponsible, card.ExecutorId);

    private Guid Proof(Appeal card, DateTimeOffset at) =>
        card.AddAttachment(StaffOf(card), at, new AttachmentInfo("акт.jpg", "image/jpeg", 100, Guid.NewGuid().ToString("N") + ".jpg")).Value;

    private void Extend(Appeal card, DateTimeOffset at, DateOnly newLastDay)
    {
        var newDueAt = Cards.Policy.EndOfDay(newLastDay);
        var request = card.RequestExtension(StaffOf(card), at, "Заміна ділянки труби", newDueAt, [Proof(card, at)]).Value;
        Assert.True(card.ApproveExtension(Cards.Operator, at.AddHours(1), request, newDueAt, "Погоджено: потрібна заміна труби").IsSuccess);
    }

    public void IncludeInSerPlan(Appeal card, DateTimeOffset at)
    {
        var request = card.RequestPlanInclusion(StaffOf(card), at, "Потрібна реконструкція мережі", [Proof(card, at)]).Value;
        Assert.True(card.ApprovePlanInclusion(Cards.Operator, at.AddHours(1), request, "Програма реконструкції водогонів 2026–2028", "Погоджено").IsSuccess);
    }

    private static void Close(Appeal card, DateTimeOffset at) =>
        Assert.True(card.Close(Cards.Operator, at, AppealResult.ResolvedPositively, "Воду подано").IsSuccess);
}
