using ContactCenter.Domain.Appeals;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class ApplicantTests
{
    [Theory]
    [InlineData("067 123 45 67")]
    [InlineData("+380671234567")]
    [InlineData("80671234567")]
    [InlineData("(067)123-45-67")]
    [InlineData("+38 (067) 123-45-67")]
    [InlineData("380671234567")]
    [InlineData("0671234567")]
    [InlineData("671234567")]
    [InlineData("  067-123-45-67  ")]
    public void Normalize_WhenUkrainianNumber_ReturnsCanonicalForm(string text)
    {
        Assert.Equal("+380671234567", PhoneNumber.Normalize(text));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("067 123 45 6")]
    [InlineData("+380067123456")]
    [InlineData("80 067 123 456")]
    [InlineData("067 123 45 678")]
    [InlineData("+48 601 234 567")]
    [InlineData("1671234567")]
    [InlineData("067 123 45 67 дод. 2")]
    [InlineData("o67 123 45 67")]
    public void Normalize_WhenNotUkrainianNumber_ReturnsNull(string? text)
    {
        Assert.Null(PhoneNumber.Normalize(text));
    }

    [Theory]
    [InlineData("ivan@ukr.net", true)]
    [InlineData(" ivan.petrenko@i.ua ", true)]
    [InlineData("ivan@mail.pyryatyn.gov.ua", true)]
    [InlineData("ivan.ukr.net", false)]
    [InlineData("@ukr.net", false)]
    [InlineData("ivan@", false)]
    [InlineData("ivan@ukrnet", false)]
    [InlineData("ivan@@ukr.net", false)]
    [InlineData("iv an@ukr.net", false)]
    [InlineData("ivan@.ukr.net", false)]
    [InlineData("ivan@ukr.net.", false)]
    public void IsValid_Always_ChecksTheStructure(string email, bool expected)
    {
        Assert.Equal(expected, EmailAddress.IsValid(email));
    }

    [Theory]
    [InlineData("Ivan@Mail.RU", "mail.ru")]
    [InlineData("ivan@list.mail.ru", "list.mail.ru")]
    [InlineData("ivan", null)]
    [InlineData("ivan@", null)]
    public void Domain_Always_ReturnsLowerCaseDomainOrNull(string email, string? expected)
    {
        Assert.Equal(expected, EmailAddress.Domain(email));
    }

    [Fact]
    public void Normalized_Always_TrimsAndCanonicalisesContacts()
    {
        var applicant = Applicant(surname: " Іваненко ", phone: "(067)123-45-67", email: " Ivan@UKR.net ", otherContact: "  ");

        var normalized = applicant.Normalized();

        Assert.Equal("Іваненко", normalized.Surname);
        Assert.Equal("+380671234567", normalized.Phone);
        Assert.Equal("ivan@ukr.net", normalized.Email);
        Assert.Null(normalized.OtherContact);
    }

    [Fact]
    public void Normalized_WhenPhoneInvalid_KeepsItSoValidationReportsIt()
    {
        var normalized = Applicant(phone: " 12345 ").Normalized();

        Assert.Equal("12345", normalized.Phone);
        Assert.Contains(AppealErrors.PhoneInvalid, normalized.Validate(Channel.Phone));
    }

    [Fact]
    public void Validate_WhenComplete_ReturnsNoErrors()
    {
        Assert.Empty(Applicant().Validate(Channel.Phone));
        Assert.Empty(Applicant().Validate(Channel.Web));
    }

    [Fact]
    public void FullName_Always_JoinsTheParts()
    {
        Assert.Equal("Іваненко Іван Петрович", Applicant().FullName);
    }
}
