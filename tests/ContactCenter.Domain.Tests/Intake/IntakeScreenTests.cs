using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Intake;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Intake;

public sealed class IntakeScreenTests
{
    private static ApplicantBlock Block(string? phone, string? email) =>
        ApplicantBlock.Create(Operator, Now.AddDays(-3), phone, email, "Ненормативна лексика").Value;

    [Fact]
    public void Check_WhenNothingBlocked_Passes()
    {
        Assert.True(IntakeScreen.Open.Check(Applicant(), Channel.Web).IsSuccess);
    }

    [Theory]
    [InlineData("067 123 45 67")]
    [InlineData("+380671234567")]
    [InlineData("80671234567")]
    public void Check_WhenPhoneBlockedInAnyNotation_RefusesApplicantBlocked(string phone)
    {
        var screen = new IntakeScreen([Block("(067)123-45-67", null)], []);

        var result = screen.Check(Applicant(phone: phone, email: null), Channel.Phone);

        Assert.Equal(IntakeErrors.ApplicantBlocked, result.Error);
    }

    [Fact]
    public void Check_WhenEmailBlockedInOtherCase_RefusesApplicantBlocked()
    {
        var screen = new IntakeScreen([Block(null, "Ivan@Ukr.net")], []);

        var result = screen.Check(Applicant(phone: "050 000 00 01", email: "IVAN@ukr.NET"), Channel.Web);

        Assert.Equal(IntakeErrors.ApplicantBlocked, result.Error);
    }

    [Fact]
    public void Check_WhenBlockedByEmailButCallsFromAnotherPhoneWithoutEmail_Passes()
    {
        var screen = new IntakeScreen([Block(null, "ivan@ukr.net")], []);

        Assert.True(screen.Check(Applicant(phone: "050 000 00 01", email: null), Channel.Phone).IsSuccess);
    }

    [Fact]
    public void Check_WhenBlockLifted_Passes()
    {
        var block = Block("0671234567", null);
        block.Lift(Operator, Now).Ok();
        var screen = new IntakeScreen([block], []);

        Assert.True(screen.Check(Applicant(), Channel.Phone).IsSuccess);
    }

    [Theory]
    [InlineData("ivan@mail.ru", Channel.Web)]
    [InlineData("ivan@list.mail.ru", Channel.Web)]
    [InlineData("ivan@inbox.list.mail.ru", Channel.Api)]
    [InlineData("Ivan@MAIL.RU", Channel.Api)]
    public void Check_WhenElectronicAppealFromBlockedDomainOrSubdomain_RefusesMailDomainBlocked(string email, Channel channel)
    {
        var screen = new IntakeScreen([], [" @Mail.RU "]);

        var result = screen.Check(Applicant(email: email), channel);

        Assert.Equal(IntakeErrors.MailDomainBlocked, result.Error);
    }

    [Fact]
    public void Check_WhenPhoneAppealMentionsEmailOnBlockedDomain_Passes()
    {
        var screen = new IntakeScreen([], ["mail.ru"]);

        Assert.True(screen.Check(Applicant(email: "ivan@mail.ru"), Channel.Phone).IsSuccess);
    }

    [Fact]
    public void Check_WhenBlockedApplicantAndBlockedDomain_ReportsTheBlockFirst()
    {
        var screen = new IntakeScreen([Block(null, "ivan@mail.ru")], ["mail.ru"]);

        Assert.Equal(IntakeErrors.ApplicantBlocked, screen.Check(Applicant(email: "ivan@mail.ru"), Channel.Web).Error);
    }

    [Theory]
    [InlineData("ivan@mail.ru", true)]
    [InlineData("ivan@list.mail.ru", true)]
    [InlineData("ivan@gmail.ru", false)]
    [InlineData("ivan@mail.ru.ua", false)]
    [InlineData("ivan@ukr.net", false)]
    [InlineData("no-at-sign", false)]
    public void IsBlockedDomain_WhenMailRuListed_BlocksItAndItsSubdomainsOnly(string email, bool expected)
    {
        var screen = new IntakeScreen([], ["mail.ru", ""]);

        Assert.Equal(expected, screen.IsBlockedDomain(email));
    }

    [Theory]
    [InlineData("ivan@yandex.ru", true)]
    [InlineData("ivan@mail.ru", true)]
    [InlineData("ivan@ukr.net", false)]
    [InlineData("ivan@rambler.ua", false)]
    public void IsBlockedDomain_WhenTopLevelDomainListed_BlocksEveryDomainUnderIt(string email, bool expected)
    {
        var screen = new IntakeScreen([], ["ru"]);

        Assert.Equal(expected, screen.IsBlockedDomain(email));
    }
}
