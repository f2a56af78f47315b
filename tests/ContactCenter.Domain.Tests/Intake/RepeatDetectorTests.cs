using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Intake;

public sealed class RepeatDetectorTests
{
    private const string Address = "вул. Шевченка, 1";

    private static readonly TimeSpan Window = RepeatDetector.DefaultWindow;

    private static PriorAppeal Prior(
        string number = "2026-000042",
        Guid? problemId = null,
        string address = Address,
        string? phone = "+380671234567",
        string? email = null,
        DateTimeOffset? registeredAt = null,
        AppealStatus status = AppealStatus.InWork,
        AppealResult? result = null,
        Guid? id = null) =>
        new(id ?? Guid.NewGuid(), number, problemId ?? ProblemId, AddressNormalizer.Normalize(address), phone, email, registeredAt ?? Now.AddDays(-10), status, result);

    private static RepeatMatch? Find(Applicant applicant, params PriorAppeal[] earlier) =>
        RepeatDetector.Find(applicant, ProblemId, Address, earlier, Now, Window);

    [Fact]
    public void Find_WhenSamePhoneProblemAndAddress_ReturnsTheEarlierCard()
    {
        var prior = Prior(id: EarlierAppealId);

        var match = Find(Applicant(phone: "067 123 45 67", email: null), prior);

        Assert.NotNull(match);
        Assert.Equal(EarlierAppealId, match.EarlierAppealId);
        Assert.Equal("2026-000042", match.EarlierRegistrationNumber);
        Assert.False(match.EarlierClosedOnMerits);
    }

    [Fact]
    public void Find_WhenSameEmailInOtherCase_ReturnsTheEarlierCard()
    {
        var prior = Prior(phone: null, email: "ivan@ukr.net");

        var match = Find(Applicant(phone: "050 000 00 01", email: "IVAN@Ukr.Net"), prior);

        Assert.NotNull(match);
    }

    [Fact]
    public void Find_WhenAddressWrittenDifferently_StillMatches()
    {
        var prior = Prior(address: "вулиця Шевченка, 1");

        Assert.NotNull(Find(Applicant(), prior));
    }

    [Fact]
    public void Find_WhenDifferentAddress_ReturnsNull()
    {
        Assert.Null(Find(Applicant(), Prior(address: "вул. Київська, 5")));
    }

    [Fact]
    public void Find_WhenDifferentProblem_ReturnsNull()
    {
        Assert.Null(Find(Applicant(), Prior(problemId: Guid.NewGuid())));
    }

    [Fact]
    public void Find_WhenAnotherApplicant_ReturnsNull()
    {
        Assert.Null(Find(Applicant(phone: "050 000 00 01", email: "petro@ukr.net"), Prior(email: "ivan@ukr.net")));
    }

    [Fact]
    public void Find_WhenOutsideTheWindow_ReturnsNull()
    {
        Assert.Null(Find(Applicant(), Prior(registeredAt: Now - Window - TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Find_WhenExactlyAtTheWindowEdge_Matches()
    {
        Assert.NotNull(Find(Applicant(), Prior(registeredAt: Now - Window)));
    }

    [Fact]
    public void Find_WhenEarlierIsInTheFuture_ReturnsNull()
    {
        Assert.Null(Find(Applicant(), Prior(registeredAt: Now.AddMinutes(1))));
    }

    [Fact]
    public void Find_WhenSeveralMatch_PicksTheLatest()
    {
        var oldest = Prior("2026-000010", registeredAt: Now.AddDays(-60));
        var latest = Prior("2026-000030", registeredAt: Now.AddDays(-5));
        var middle = Prior("2026-000020", registeredAt: Now.AddDays(-30));

        var match = Find(Applicant(), oldest, latest, middle);

        Assert.Equal("2026-000030", match?.EarlierRegistrationNumber);
    }

    [Theory]
    [InlineData(AppealStatus.Closed, AppealResult.ResolvedPositively, true)]
    [InlineData(AppealStatus.Closed, AppealResult.Refused, true)]
    [InlineData(AppealStatus.Closed, AppealResult.Explained, true)]
    [InlineData(AppealStatus.Forwarded, AppealResult.Forwarded, false)]
    [InlineData(AppealStatus.ReturnedToApplicant, AppealResult.ReturnedToAuthor, false)]
    [InlineData(AppealStatus.LeftWithoutConsideration, AppealResult.LeftWithoutConsideration, false)]
    [InlineData(AppealStatus.InWork, null, false)]
    [InlineData(AppealStatus.ProposedForClosure, null, false)]
    public void Find_Always_SaysWhetherTheEarlierWasDecidedOnTheMerits(AppealStatus status, AppealResult? result, bool onMerits)
    {
        var match = Find(Applicant(), Prior(status: status, result: result));

        Assert.NotNull(match);
        Assert.Equal(onMerits, match.EarlierClosedOnMerits);
    }

    [Fact]
    public void Find_WhenNoEarlierCards_ReturnsNull()
    {
        Assert.Null(Find(Applicant()));
    }
}
