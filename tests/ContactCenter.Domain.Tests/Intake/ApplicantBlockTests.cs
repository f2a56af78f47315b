using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Intake;

public sealed class ApplicantBlockTests
{
    public static TheoryData<Actor> NonDepartmentActors => new() { StaffA, Deputy, Citizen, Actor.System };

    [Fact]
    public void Create_WhenDepartmentGivesPhoneAndReason_BlocksNormalisedPhone()
    {
        var result = ApplicantBlock.Create(Operator, Now, " 067 123 45 67 ", "  IVAN@ukr.net ", "  Образи оператора  ");

        Assert.True(result.IsSuccess);
        var block = result.Value;
        Assert.NotEqual(Guid.Empty, block.Id);
        Assert.Equal("+380671234567", block.Phone);
        Assert.Equal("ivan@ukr.net", block.Email);
        Assert.Equal("Образи оператора", block.Reason);
        Assert.Equal(Operator.Id, block.BlockedById);
        Assert.Equal(Operator.Name, block.BlockedByName);
        Assert.Equal(Now, block.BlockedAt);
        Assert.True(block.IsActive);
        Assert.Null(block.LiftedAt);
    }

    [Fact]
    public void Create_WhenAdmin_Blocks()
    {
        var admin = new Actor("u-admin", "Адміністратор", Role.Admin);

        Assert.True(ApplicantBlock.Create(admin, Now, "0671234567", null, "Образи").IsSuccess);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void Create_WhenNotDepartment_RefusesNotDepartment(Actor actor)
    {
        var result = ApplicantBlock.Create(actor, Now, "0671234567", null, "Образи");

        Assert.Equal(IntakeErrors.NotDepartment, result.Error);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", " ")]
    [InlineData("12345", null)]
    public void Create_WhenNoUsableContact_RefusesBlockContactRequired(string? phone, string? email)
    {
        var result = ApplicantBlock.Create(Operator, Now, phone, email, "Образи");

        Assert.Equal(IntakeErrors.BlockContactRequired, result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenNoReason_RefusesBlockReasonRequired(string reason)
    {
        var result = ApplicantBlock.Create(Operator, Now, "0671234567", null, reason);

        Assert.Equal(IntakeErrors.BlockReasonRequired, result.Error);
    }

    [Fact]
    public void Lift_WhenActiveAndDepartment_LiftsWithWhoAndWhen()
    {
        var block = ApplicantBlock.Create(Operator, Now, "0671234567", null, "Образи").Value;

        var result = block.Lift(Operator, Now.AddDays(30));

        Assert.True(result.IsSuccess);
        Assert.False(block.IsActive);
        Assert.Equal(Now.AddDays(30), block.LiftedAt);
        Assert.Equal(Operator.Name, block.LiftedByName);
        Assert.False(block.Matches(Applicant()));
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void Lift_WhenNotDepartment_RefusesNotDepartmentAndStaysActive(Actor actor)
    {
        var block = ApplicantBlock.Create(Operator, Now, "0671234567", null, "Образи").Value;

        var result = block.Lift(actor, Now.AddDays(1));

        Assert.Equal(IntakeErrors.NotDepartment, result.Error);
        Assert.True(block.IsActive);
        Assert.Null(block.LiftedAt);
    }

    [Fact]
    public void Lift_WhenAlreadyLifted_RefusesAlreadyLifted()
    {
        var block = ApplicantBlock.Create(Operator, Now, "0671234567", null, "Образи").Value;
        block.Lift(Operator, Now.AddDays(1)).Ok();

        var result = block.Lift(Operator, Now.AddDays(2));

        Assert.Equal(IntakeErrors.AlreadyLifted, result.Error);
        Assert.Equal(Now.AddDays(1), block.LiftedAt);
    }

    [Fact]
    public void Matches_WhenSamePhoneOrEmail_MatchesOtherwiseNot()
    {
        var byPhone = ApplicantBlock.Create(Operator, Now, "0671234567", null, "Образи").Value;
        var byEmail = ApplicantBlock.Create(Operator, Now, null, "ivan@ukr.net", "Образи").Value;

        Assert.True(byPhone.Matches(Applicant(phone: "+38 067 123 45 67", email: null)));
        Assert.False(byPhone.Matches(Applicant(phone: "050 000 00 01", email: null)));
        Assert.True(byEmail.Matches(Applicant(phone: null, email: " Ivan@Ukr.Net ")));
        Assert.False(byEmail.Matches(Applicant(phone: null, email: "petro@ukr.net")));
    }
}
