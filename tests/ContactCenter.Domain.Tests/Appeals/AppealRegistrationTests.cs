using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using static ContactCenter.Domain.Tests.Appeals.AppealBuilder;

namespace ContactCenter.Domain.Tests.Appeals;

public sealed class AppealRegistrationTests
{
    // ---- the happy path ----

    [Fact]
    public void Register_WhenDataComplete_RegistersCardWithExecutorStatusAndTimeline()
    {
        var result = Register();

        Assert.True(result.IsSuccess);
        var appeal = result.Value;
        Assert.NotEqual(Guid.Empty, appeal.Id);
        Assert.Equal(AppealStatus.Registered, appeal.Status);
        Assert.Equal(Channel.Phone, appeal.Channel);
        Assert.Equal(AppealKind.Statement, appeal.Kind);
        Assert.Equal(AppealSign.Primary, appeal.Sign);
        Assert.Equal(ExecutorAId, appeal.ExecutorId);
        Assert.Equal(DirectionAId, appeal.DirectionId);
        Assert.Equal(ProblemId, appeal.ProblemId);
        Assert.Equal(Now, appeal.RegisteredAt);
        Assert.Equal(Operator.Id, appeal.RegisteredById);
        Assert.Equal(Operator.Name, appeal.RegisteredByName);
        Assert.Equal("Іваненко", appeal.Surname);
        Assert.Equal("Іван", appeal.FirstName);
        Assert.Equal("Петрович", appeal.Patronymic);
        Assert.Equal("+380671234567", appeal.Phone);
        Assert.Equal("ivan@ukr.net", appeal.Email);
        Assert.Null(appeal.Number);
        Assert.Null(appeal.RepeatOfId);
        Assert.False(appeal.OnDepartmentControl);
        Assert.Equal(1, appeal.Version);
        Assert.True(appeal.IsOpen);

        var entry = Assert.Single(appeal.Timeline);
        Assert.Equal(TimelineKind.Registered, entry.Kind);
        Assert.Equal(Operator.Id, entry.ActorId);
        Assert.Equal(Operator.Name, entry.ActorName);
        Assert.Equal(Now, entry.At);
        Assert.Null(entry.OldValue);
        Assert.Equal(AppealNames.Of(AppealStatus.Registered), entry.NewValue);
        Assert.True(entry.IsPublic);
        Assert.Contains("КП «Водоканал»", entry.Text);

        var changed = Assert.IsType<AppealChanged>(Assert.Single(appeal.DomainEvents));
        Assert.Equal(AppealChangeKind.Registered, changed.Kind);
        Assert.Equal(appeal.Id, changed.AppealId);
        Assert.Equal(ExecutorAId, changed.ExecutorId);
        Assert.Null(changed.PreviousExecutorId);
        Assert.Equal(Now, changed.OccurredAt);
        Assert.Equal(appeal.DueAt, changed.DueAt);
        Assert.Equal(AppealStatus.Registered, changed.Status);
    }

    [Fact]
    public void Register_WhenTextsHaveSpaces_TrimsThemAndNormalisesTheAddressKey()
    {
        var appeal = Register(Data(essence: "  Немає води  ", problemAddress: "  вулиця Шевченка, буд. 1 ")).Value;

        Assert.Equal("Немає води", appeal.Essence);
        Assert.Equal("вулиця Шевченка, буд. 1", appeal.ProblemAddress);
        Assert.Equal(AddressNormalizer.Normalize("вул. Шевченка, 1"), appeal.ProblemAddressKey);
    }

    [Fact]
    public void Register_Always_SetsDueAtByDeadlinePolicyAndMaxDueAtAt45Days()
    {
        var appeal = Register().Value;

        Assert.Equal(Policy.DueAt(Now, Term, needsAdditionalStudy: false), appeal.DueAt);
        Assert.Equal(DueAt, appeal.DueAt);
        Assert.Equal(appeal.DueAt, appeal.InitialDueAt);
        Assert.Equal(Policy.MaxDueAt(Now), appeal.MaxDueAt);
        Assert.Equal(MaxDueAt, appeal.MaxDueAt);
        var record = Assert.Single(appeal.DueDates);
        Assert.Equal(Now, record.ChangedAt);
        Assert.Equal(DueAt, record.DueAt);
    }

    [Fact]
    public void Register_WhenNormativeTermLongerThanLaw_CutsDueAtTo15Days()
    {
        var problem = Problem(NormativeTerm.Days(40));

        var appeal = Register(problem: problem).Value;

        // 2 March + 15 days = 17 March 2026 (Tuesday), 23:59:59 in Kyiv.
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 21, 59, 59, TimeSpan.Zero), appeal.DueAt);
        Assert.Equal(Policy.DueAt(Now, problem.Term, false), appeal.DueAt);
    }

    [Fact]
    public void Register_WhenNeedsAdditionalStudy_DueAtIsOneMonth()
    {
        var problem = Problem(NormativeTerm.Days(40), needsAdditionalStudy: true);

        var appeal = Register(problem: problem).Value;

        // 2 April 2026 (Thursday), 23:59:59 in Kyiv, summer time.
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 20, 59, 59, TimeSpan.Zero), appeal.DueAt);
    }

    [Fact]
    public void Register_WhenApplicantPrivileged_MarksCardPrivileged()
    {
        var appeal = Register(Data(applicant: Applicant(privilege: PrivilegedCategory.CombatParticipant))).Value;

        Assert.True(appeal.IsPrivileged);
        Assert.Equal(PrivilegedCategory.CombatParticipant, appeal.Privilege);
        Assert.True(appeal.Applicant.IsPrivileged);
    }

    [Fact]
    public void Register_WhenApplicantNotPrivileged_CardNotPrivileged()
    {
        var appeal = Register().Value;

        Assert.False(appeal.IsPrivileged);
        Assert.Equal(PrivilegedCategory.None, appeal.Privilege);
    }

    [Fact]
    public void Register_WhenApplicantAsksConfidentiality_MarksCardConfidential()
    {
        var appeal = Register(Data(applicant: Applicant(confidential: true))).Value;

        Assert.True(appeal.IsConfidential);
        Assert.True(appeal.Applicant.IsConfidential);
    }

    [Fact]
    public void Register_WhenPhoneChannelWithOnlyOtherContact_Registers()
    {
        var result = Register(Data(applicant: Applicant(phone: null, email: null, otherContact: "Viber: @ivanenko")));

        Assert.True(result.IsSuccess);
        Assert.Equal("Viber: @ivanenko", result.Value.OtherContact);
    }

    [Theory]
    [InlineData(Channel.Web)]
    [InlineData(Channel.Api)]
    public void Register_WhenElectronicWithEmail_Registers(Channel channel)
    {
        var result = Register(Data(channel, Applicant(phone: null, email: " Ivan@Ukr.Net ")));

        Assert.True(result.IsSuccess);
        Assert.Equal(channel, result.Value.Channel);
        Assert.Equal("ivan@ukr.net", result.Value.Email);
    }

    // ---- Law art. 5: mandatory data ----

    public static TheoryData<Applicant, Channel, string> MissingMandatoryData => new()
    {
        { Applicant(surname: " "), Channel.Phone, AppealErrors.SurnameRequired.Code },
        { Applicant(firstName: ""), Channel.Phone, AppealErrors.FirstNameRequired.Code },
        { Applicant(patronymic: "  "), Channel.Phone, AppealErrors.PatronymicRequired.Code },
        { Applicant(residence: ""), Channel.Phone, AppealErrors.ResidenceRequired.Code },
        { Applicant(phone: null, email: null), Channel.Phone, AppealErrors.ContactRequired.Code },
        { Applicant(phone: " ", email: " ", otherContact: " "), Channel.Phone, AppealErrors.ContactRequired.Code },
        { Applicant(email: null), Channel.Web, AppealErrors.EmailRequiredForElectronic.Code },
        { Applicant(email: null), Channel.Api, AppealErrors.EmailRequiredForElectronic.Code },
        { Applicant(phone: "12345"), Channel.Phone, AppealErrors.PhoneInvalid.Code },
        { Applicant(phone: "abc"), Channel.Phone, AppealErrors.PhoneInvalid.Code },
        { Applicant(email: "ivan.ukr.net"), Channel.Phone, AppealErrors.EmailInvalid.Code },
        { Applicant(email: "ivan@ukrnet"), Channel.Web, AppealErrors.EmailInvalid.Code },
        { Applicant(email: "iv an@ukr.net"), Channel.Api, AppealErrors.EmailInvalid.Code },
    };

    [Theory]
    [MemberData(nameof(MissingMandatoryData))]
    public void Register_WhenApplicantDataMissingOrInvalid_RefusesWithNamedError(Applicant applicant, Channel channel, string errorCode)
    {
        var result = Register(Data(channel, applicant));

        Assert.True(result.IsFailure);
        Assert.Equal(errorCode, result.Error.Code);
        Assert.Equal(ErrorByCode(errorCode), result.Error);
    }

    [Fact]
    public void Register_WhenEssenceEmpty_RefusesEssenceRequired()
    {
        var result = Register(Data(essence: "   "));

        Assert.Equal(AppealErrors.EssenceRequired, result.Error);
    }

    [Fact]
    public void Register_WhenEssenceTooLong_RefusesEssenceTooLong()
    {
        var result = Register(Data(essence: new string('в', Appeal.MaxTextLength + 1)));

        Assert.Equal(AppealErrors.EssenceTooLong, result.Error);
    }

    [Fact]
    public void Register_WhenEssenceExactlyAtLimit_Registers()
    {
        var result = Register(Data(essence: new string('в', Appeal.MaxTextLength)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Register_WhenProblemAddressMissing_RefusesProblemAddressRequired()
    {
        var result = Register(Data(problemAddress: " "));

        Assert.Equal(AppealErrors.ProblemAddressRequired, result.Error);
    }

    [Fact]
    public void Register_WhenProblemInactive_RefusesProblemInactive()
    {
        var problem = Problem();
        problem.Deactivate();

        var result = Register(problem: problem);

        Assert.Equal(AppealErrors.ProblemInactive, result.Error);
    }

    [Fact]
    public void Register_WhenExecutorInactive_RefusesExecutorInactive()
    {
        var executor = ExecutorA();
        executor.Deactivate();

        var result = Register(executor: executor);

        Assert.Equal(AppealErrors.ExecutorInactive, result.Error);
    }

    [Fact]
    public void Register_WhenComplaintRoutedToExecutorComplainedAbout_RefusesComplaintAgainstExecutor()
    {
        var result = Register(Data(kind: AppealKind.Complaint, complainedAbout: ExecutorAId), executor: ExecutorA());

        Assert.Equal(AppealErrors.ComplaintAgainstExecutor, result.Error);
    }

    [Fact]
    public void Register_WhenComplaintRoutedToAnotherExecutor_RegistersAndKeepsWhoIsComplainedAbout()
    {
        var appeal = Register(Data(kind: AppealKind.Complaint, complainedAbout: ExecutorBId)).Value;

        Assert.Equal(AppealKind.Complaint, appeal.Kind);
        Assert.Equal(ExecutorBId, appeal.ComplainedAboutExecutorId);
        Assert.Equal(ExecutorAId, appeal.ExecutorId);
    }

    [Fact]
    public void Register_WhenNotComplaint_DropsComplainedAboutExecutor()
    {
        var appeal = Register(Data(kind: AppealKind.Statement, complainedAbout: ExecutorAId)).Value;

        Assert.Null(appeal.ComplainedAboutExecutorId);
    }

    [Fact]
    public void ValidateRegistration_WhenSeveralFieldsWrong_ReturnsEveryError()
    {
        var problem = Problem();
        problem.Deactivate();
        var data = Data(applicant: Applicant(surname: "", patronymic: ""), essence: "", problemAddress: "");

        var errors = Appeal.ValidateRegistration(data, problem, ExecutorA());

        Assert.Equal(
            [AppealErrors.SurnameRequired, AppealErrors.PatronymicRequired, AppealErrors.EssenceRequired, AppealErrors.ProblemAddressRequired, AppealErrors.ProblemInactive],
            errors);
    }

    [Fact]
    public void ValidateRegistration_WhenDataComplete_ReturnsNoErrors()
    {
        Assert.Empty(Appeal.ValidateRegistration(Data(), Problem(), ExecutorA()));
    }

    // ---- §2.1, §2.5: the intake screen ----

    [Fact]
    public void Register_WhenApplicantBlockedByPhone_RefusesApplicantBlocked()
    {
        var block = ApplicantBlock.Create(Operator, Now.AddDays(-10), "+380 67 123 45 67", null, "Образи операторів").Value;
        var screen = new IntakeScreen([block], []);

        var result = Register(Data(applicant: Applicant(phone: "(067)123-45-67", email: null)), screen: screen);

        Assert.Equal(IntakeErrors.ApplicantBlocked, result.Error);
    }

    [Fact]
    public void Register_WhenApplicantBlockedByEmail_RefusesApplicantBlocked()
    {
        var block = ApplicantBlock.Create(Operator, Now.AddDays(-10), null, "IVAN@ukr.net", "Ненормативна лексика").Value;
        var screen = new IntakeScreen([block], []);

        var result = Register(Data(Channel.Web, Applicant(phone: null, email: "ivan@UKR.net")), screen: screen);

        Assert.Equal(IntakeErrors.ApplicantBlocked, result.Error);
    }

    [Fact]
    public void Register_WhenBlockLifted_Registers()
    {
        var block = ApplicantBlock.Create(Operator, Now.AddDays(-10), "0671234567", null, "Образи").Value;
        block.Lift(Operator, Now.AddDays(-1)).Ok();
        var screen = new IntakeScreen([block], []);

        Assert.True(Register(screen: screen).IsSuccess);
    }

    [Theory]
    [InlineData("ivan@mail.ru")]
    [InlineData("ivan@list.mail.ru")]
    [InlineData("IVAN@MAIL.RU")]
    public void Register_WhenWebAppealFromBlockedMailDomain_RefusesMailDomainBlocked(string email)
    {
        var screen = new IntakeScreen([], ["mail.ru"]);

        var result = Register(Data(Channel.Web, Applicant(phone: null, email: email)), screen: screen);

        Assert.Equal(IntakeErrors.MailDomainBlocked, result.Error);
    }

    [Fact]
    public void Register_WhenWebAppealFromAllowedDomain_Registers()
    {
        var screen = new IntakeScreen([], ["mail.ru"]);

        Assert.True(Register(Data(Channel.Web, Applicant(email: "ivan@gmail.com")), screen: screen).IsSuccess);
    }

    [Fact]
    public void Register_WhenPhoneAppealGivesEmailOnBlockedDomain_RegistersBecauseTheAppealDidNotComeFromThatAddress()
    {
        // §2.1 refuses appeals "які надійшли з електронних адрес не українських серверів"; a call did not come from a mail server.
        var screen = new IntakeScreen([], ["mail.ru"]);

        var result = Register(Data(Channel.Phone, Applicant(email: "ivan@mail.ru")), screen: screen);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Register_WhenDataInvalidAndApplicantBlocked_ReportsTheDataFirst()
    {
        var block = ApplicantBlock.Create(Operator, Now.AddDays(-10), "0671234567", null, "Образи").Value;

        var result = Register(Data(applicant: Applicant(surname: "")), screen: new IntakeScreen([block], []));

        Assert.Equal(AppealErrors.SurnameRequired, result.Error);
    }

    // ---- §4.1: repeated appeals ----

    [Fact]
    public void Register_WhenRepeatMatched_LinksEarlierCardAndPutsOnDepartmentControl()
    {
        var repeat = new RepeatMatch(EarlierAppealId, "2026-000042", EarlierClosedOnMerits: false);

        var appeal = Register(repeatOf: repeat).Value;

        Assert.Equal(AppealSign.Repeated, appeal.Sign);
        Assert.Equal(EarlierAppealId, appeal.RepeatOfId);
        Assert.Equal("2026-000042", appeal.RepeatOfNumber);
        Assert.True(appeal.OnDepartmentControl);
        Assert.Equal(DepartmentControlReason.RepeatAppeal, appeal.DepartmentControlReason);
        Assert.False(appeal.MayBeLeftWithoutConsideration);
        Assert.Equal(2, appeal.Version);
        var link = Assert.Single(appeal.Timeline, e => e.Kind == TimelineKind.RepeatLinked);
        Assert.Equal("2026-000042", link.NewValue);
        Assert.Equal(Operator.Id, link.ActorId);
        Assert.Equal(Now, link.At);
        Assert.Contains("2026-000042", link.Text);
        Assert.Equal(AppealChangeKind.Registered, Assert.IsType<AppealChanged>(Assert.Single(appeal.DomainEvents)).Kind);
    }

    [Fact]
    public void Register_WhenEarlierDecidedOnMerits_MayBeLeftWithoutConsideration()
    {
        var repeat = new RepeatMatch(EarlierAppealId, "2026-000042", EarlierClosedOnMerits: true);

        var appeal = Register(repeatOf: repeat).Value;

        Assert.True(appeal.MayBeLeftWithoutConsideration);
        Assert.Contains("ст. 8", appeal.Timeline[^1].Text);
    }

    // ---- AssignNumber ----

    [Fact]
    public void AssignNumber_WhenFirstTime_SetsNumberYearAndSequence()
    {
        var appeal = Register().Value;

        var result = appeal.AssignNumber(new RegistrationNumber(2026, 123));

        Assert.True(result.IsSuccess);
        Assert.Equal("2026-000123", appeal.Number);
        Assert.Equal(2026, appeal.NumberYear);
        Assert.Equal(123, appeal.NumberSequence);
    }

    [Fact]
    public void AssignNumber_WhenAlreadyAssigned_RefusesNumberAlreadyAssignedAndKeepsTheFirst()
    {
        var appeal = Registered();
        var before = CardSnapshot.Of(appeal);

        var result = appeal.AssignNumber(new RegistrationNumber(2026, 124));

        CardAssertions.AssertRefused(AppealErrors.NumberAlreadyAssigned, result, appeal, before);
        Assert.Equal("2026-000123", appeal.Number);
        Assert.Equal(123, appeal.NumberSequence);
    }

    [Fact]
    public void WithdrawNumber_AfterARolledBackSave_LeavesTheCardWithoutANumber_AndTheNextOneIsTaken()
    {
        // §2.2: a rolled-back registration gives its number back; the card is numbered again when it is written again.
        var appeal = Register().Value;
        Assert.True(appeal.AssignNumber(new RegistrationNumber(2026, 123)).IsSuccess);

        appeal.WithdrawNumber();

        Assert.Null(appeal.Number);
        Assert.True(appeal.AssignNumber(new RegistrationNumber(2026, 124)).IsSuccess);
        Assert.Equal("2026-000124", appeal.Number);
        Assert.Equal(124, appeal.NumberSequence);
    }

    private static Error ErrorByCode(string code) =>
        typeof(AppealErrors).GetFields()
            .Select(f => (Error)f.GetValue(null)!)
            .Single(e => e.Code == code);
}
