using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Intake;

public sealed class RegistrationRefusalTests
{
    [Fact]
    public void Create_WhenDepartmentRefuses_KeepsWhoWhenWhyAndNormalisedContacts()
    {
        var result = RegistrationRefusal.Create(
            Operator, Now, Channel.Phone, RefusalReason.HateSpeech, "  Заклики до ворожнечі  ", "(067)123-45-67", " IVAN@ukr.net ", " Іваненко Іван ");

        Assert.True(result.IsSuccess);
        var refusal = result.Value;
        Assert.NotEqual(Guid.Empty, refusal.Id);
        Assert.Equal(Channel.Phone, refusal.Channel);
        Assert.Equal(RefusalReason.HateSpeech, refusal.Reason);
        Assert.Equal("Заклики до ворожнечі", refusal.Explanation);
        Assert.Equal("+380671234567", refusal.Phone);
        Assert.Equal("ivan@ukr.net", refusal.Email);
        Assert.Equal("Іваненко Іван", refusal.ApplicantName);
        Assert.Equal(Operator.Id, refusal.RefusedById);
        Assert.Equal(Operator.Name, refusal.RefusedByName);
        Assert.Equal(Now, refusal.RefusedAt);
    }

    [Fact]
    public void Create_WhenSystemRefusesAWebAppeal_Records()
    {
        var result = RegistrationRefusal.Create(Actor.System, Now, Channel.Web, RefusalReason.BlockedMailDomain, "mail.ru", null, "ivan@mail.ru", null);

        Assert.True(result.IsSuccess);
        Assert.Equal(Actor.System.Id, result.Value.RefusedById);
        Assert.Null(result.Value.Phone);
    }

    [Fact]
    public void Create_WhenPhoneNotUkrainian_KeepsItAsTyped()
    {
        var refusal = RegistrationRefusal.Create(Operator, Now, Channel.Phone, RefusalReason.Anonymous, "Анонімне", " 12345 ", null, null).Value;

        Assert.Equal("12345", refusal.Phone);
    }

    [Theory]
    [MemberData(nameof(NonDepartmentActors))]
    public void Create_WhenNeitherDepartmentNorSystem_RefusesNotDepartment(Actor actor)
    {
        var result = RegistrationRefusal.Create(actor, Now, Channel.Phone, RefusalReason.HateSpeech, "Причина", null, null, null);

        Assert.Equal(IntakeErrors.NotDepartment, result.Error);
    }

    public static TheoryData<Actor> NonDepartmentActors => new() { StaffA, Deputy, Citizen };

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WhenNoExplanation_RefusesRefusalReasonRequired(string explanation)
    {
        var result = RegistrationRefusal.Create(Operator, Now, Channel.Phone, RefusalReason.HateSpeech, explanation, null, null, null);

        Assert.Equal(IntakeErrors.RefusalReasonRequired, result.Error);
    }

    [Fact]
    public void ReasonFor_Always_MapsScreeningErrors()
    {
        Assert.Equal(RefusalReason.BlockedApplicant, RegistrationRefusal.ReasonFor(IntakeErrors.ApplicantBlocked));
        Assert.Equal(RefusalReason.BlockedMailDomain, RegistrationRefusal.ReasonFor(IntakeErrors.MailDomainBlocked));
        Assert.Null(RegistrationRefusal.ReasonFor(AppealErrors.SurnameRequired));
    }
}
