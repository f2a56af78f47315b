using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;

namespace ContactCenter.Domain.Appeals;

/// <summary>What an operator, the web form or the API submits to register an appeal (§2.2).</summary>
public sealed record NewAppeal(
    Channel Channel,
    Applicant Applicant,
    string Essence,
    string ProblemAddress,
    AppealKind Kind = AppealKind.Statement,
    Guid? TerritoryId = null,
    double? Latitude = null,
    double? Longitude = null,
    Guid? ComplainedAboutExecutorId = null);

/// <summary>
/// Картка звернення: the aggregate of the regulation. Every transition takes the actor and <c>now</c>, checks the
/// rules, and either returns a named error and changes nothing, or changes the card, appends a timeline entry (§3.2)
/// and raises an <see cref="AppealChanged"/> event.
/// </summary>
public sealed partial class Appeal : AggregateRoot
{
    public const int MaxTextLength = 4000;

    private readonly List<TimelineEntry> timeline = [];
    private readonly List<PerformerAssignment> performers = [];
    private readonly List<Attachment> attachments = [];
    private readonly List<ExecutorRequest> requests = [];
    private readonly List<DueDateRecord> dueDates = [];
    private readonly List<RedirectRecord> redirects = [];
    private readonly List<QualityCheck> checks = [];
    private readonly List<AppealRepairLink> repairLinks = [];

    private Appeal()
    {
        Surname = FirstName = Patronymic = ResidenceAddress = string.Empty;
        Essence = ProblemAddress = ProblemAddressKey = string.Empty;
        RegisteredById = RegisteredByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The human number given to the applicant; assigned by the store in the registering transaction.</summary>
    public string? Number { get; private set; }

    public int NumberYear { get; private set; }

    public long NumberSequence { get; private set; }

    public Channel Channel { get; private set; }

    public AppealKind Kind { get; private set; }

    public AppealSign Sign { get; private set; }

    // The applicant (Law art. 5), flattened so the phone and e-mail can be indexed for the history look-up.
    public string Surname { get; private set; }

    public string FirstName { get; private set; }

    public string Patronymic { get; private set; }

    public string ResidenceAddress { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? OtherContact { get; private set; }

    public PrivilegedCategory Privilege { get; private set; }

    /// <summary>Law art. 20: considered first; a column so the queue can sort by it.</summary>
    public bool IsPrivileged { get; private set; }

    public AuthorCategory AuthorCategory { get; private set; }

    /// <summary>Law art. 10: the applicant asked that their data not be disclosed.</summary>
    public bool IsConfidential { get; private set; }

    public Applicant Applicant => new(Surname, FirstName, Patronymic, ResidenceAddress, Phone, Email, OtherContact, Privilege, AuthorCategory, IsConfidential);

    /// <summary>Суть порушеного питання.</summary>
    public string Essence { get; private set; }

    public Guid ProblemId { get; private set; }

    public string ProblemAddress { get; private set; }

    /// <summary>The problem's address in normalised form, for repeat detection and repair-work matching.</summary>
    public string ProblemAddressKey { get; private set; }

    public Guid? TerritoryId { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>For a complaint: the executor whose actions are complained about (Law art. 7).</summary>
    public Guid? ComplainedAboutExecutorId { get; private set; }

    public Guid ExecutorId { get; private set; }

    /// <summary>The executor's direction at the time, kept on the card so dashboards read one table.</summary>
    public Guid DirectionId { get; private set; }

    public AppealStatus Status { get; private set; }

    /// <summary>Day of receipt: every legal term counts from it.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredById { get; private set; }

    public string RegisteredByName { get; private set; }

    /// <summary>Строк виконання in force.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset InitialDueAt { get; private set; }

    /// <summary>Law art. 20: 45 days from receipt, the limit no extension may pass.</summary>
    public DateTimeOffset MaxDueAt { get; private set; }

    /// <summary>How many times additional control was granted (§2.4).</summary>
    public int ExtensionCount { get; private set; }

    public DateTimeOffset? SerPlanIncludedAt { get; private set; }

    public string? SerPlanName { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// Виконано вчасно or з порушенням строку, decided when the card closed (§4.1: "виконання за регламентом"); null while
    /// open. The same verdict <see cref="ComplianceCalculator.StandingOf"/> reaches from the due-date history.
    /// </summary>
    public bool? ClosedOnTime { get; private set; }

    public AppealResult? Result { get; private set; }

    /// <summary>What was done, as told to the applicant.</summary>
    public string? Resolution { get; private set; }

    public int ReturnCount { get; private set; }

    public bool OnDepartmentControl { get; private set; }

    public DepartmentControlReason? DepartmentControlReason { get; private set; }

    public Guid? RepeatOfId { get; private set; }

    public string? RepeatOfNumber { get; private set; }

    /// <summary>Law art. 8: the earlier appeal was decided on the merits, so this one may be left without consideration.</summary>
    public bool MayBeLeftWithoutConsideration { get; private set; }

    public bool? ConfirmedByApplicant { get; private set; }

    public DateTimeOffset? ApplicantAnsweredAt { get; private set; }

    /// <summary>When the watcher saw the due date pass (the live "overdue" event is sent once).</summary>
    public DateTimeOffset? OverdueMarkedAt { get; private set; }

    /// <summary>When the watcher saw the card enter the at-risk window of its due date in force (the live "at risk" event is sent once).</summary>
    public DateTimeOffset? AtRiskMarkedAt { get; private set; }

    public string? CompetentBody { get; private set; }

    /// <summary>
    /// A secret given only to the applicant (in the e-mail with the registration number): it opens the confirmation of
    /// the work (§4.1) without signing in, and nothing else.
    /// </summary>
    public string AccessToken { get; private set; } = string.Empty;

    /// <summary>Optimistic concurrency token: bumped by every change, so the second of two edits is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => timeline;

    public IReadOnlyList<PerformerAssignment> Performers => performers;

    public IReadOnlyList<Attachment> Attachments => attachments;

    public IReadOnlyList<ExecutorRequest> Requests => requests;

    public IReadOnlyList<DueDateRecord> DueDates => dueDates;

    public IReadOnlyList<RedirectRecord> Redirects => redirects;

    public IReadOnlyList<QualityCheck> Checks => checks;

    /// <summary>The repair works (§3.1) this card is linked to.</summary>
    public IReadOnlyList<AppealRepairLink> RepairLinks => repairLinks;

    public bool IsOpen => !Status.IsTerminal();

    public bool IsInSerPlan => SerPlanIncludedAt is not null;

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && !IsInSerPlan && now > DueAt;

    public DeadlineState DeadlineStateAt(DateTimeOffset now, TimeSpan atRiskWindow) =>
        DeadlinePolicy.StateAt(DueAt, now, atRiskWindow);

    public ExecutorRequest? PendingRequest(RequestKind kind) =>
        requests.FirstOrDefault(r => r.Kind == kind && r.State == RequestState.Pending);

    /// <summary>
    /// §2.2: registers the card. The executor follows from the classifier (<see cref="ClassifierProblem.RouteFor"/>)
    /// unless the operator chose another; the due date is set automatically (<see cref="DeadlinePolicy.DueAt"/>).
    /// </summary>
    public static Result<Appeal> Register(
        NewAppeal data,
        ClassifierProblem problem,
        Executor executor,
        DeadlinePolicy policy,
        IntakeScreen screen,
        RepeatMatch? repeatOf,
        Actor actor,
        DateTimeOffset now)
    {
        var applicant = data.Applicant.Normalized();
        var errors = Validate(data with { Applicant = applicant }, problem, executor);
        if (errors.Count > 0)
        {
            return errors[0];
        }

        // §2.1, §2.5: blocked applicants and mail domains are not registered.
        var screening = screen.Check(applicant, data.Channel);
        if (screening.IsFailure)
        {
            return screening.Error;
        }

        var due = policy.DueAt(now, problem.Term, problem.NeedsAdditionalStudy);
        var appeal = new Appeal
        {
            Id = Guid.NewGuid(),
            Channel = data.Channel,
            Kind = data.Kind,
            Sign = AppealSign.Primary,
            Surname = applicant.Surname,
            FirstName = applicant.FirstName,
            Patronymic = applicant.Patronymic,
            ResidenceAddress = applicant.ResidenceAddress,
            Phone = applicant.Phone,
            Email = applicant.Email,
            OtherContact = applicant.OtherContact,
            Privilege = applicant.Privilege,
            IsPrivileged = applicant.IsPrivileged,
            AuthorCategory = applicant.Category,
            IsConfidential = applicant.IsConfidential,
            Essence = data.Essence.Trim(),
            ProblemId = problem.Id,
            ProblemAddress = data.ProblemAddress.Trim(),
            ProblemAddressKey = AddressNormalizer.Normalize(data.ProblemAddress),
            TerritoryId = data.TerritoryId,
            Latitude = data.Latitude,
            Longitude = data.Longitude,
            ComplainedAboutExecutorId = data.Kind == AppealKind.Complaint ? data.ComplainedAboutExecutorId : null,
            ExecutorId = executor.Id,
            DirectionId = executor.DirectionId,
            Status = AppealStatus.Registered,
            RegisteredAt = now,
            RegisteredById = actor.Id,
            RegisteredByName = actor.Name,
            DueAt = due,
            InitialDueAt = due,
            MaxDueAt = policy.MaxDueAt(now),
            AccessToken = NewAccessToken(),
        };
        appeal.dueDates.Add(new DueDateRecord(now, due, DueDateChangeKind.Initial, "Строк установлено автоматично під час реєстрації (п. 2.2 Регламенту)"));
        appeal.Record(actor, now, TimelineKind.Registered, $"Звернення зареєстровано ({AppealNames.Of(data.Channel)}), виконавець: {executor.Name}", null, AppealNames.Of(AppealStatus.Registered), isPublic: true);

        if (repeatOf is not null)
        {
            // §4.1: repeated appeals on one cause are kept on the Department's own control.
            appeal.Sign = AppealSign.Repeated;
            appeal.RepeatOfId = repeatOf.EarlierAppealId;
            appeal.RepeatOfNumber = repeatOf.EarlierRegistrationNumber;
            appeal.MayBeLeftWithoutConsideration = repeatOf.EarlierClosedOnMerits;
            appeal.OnDepartmentControl = true;
            appeal.DepartmentControlReason = Appeals.DepartmentControlReason.RepeatAppeal;
            var note = repeatOf.EarlierClosedOnMerits
                ? " Попереднє звернення вирішено по суті: нове може бути залишено без розгляду (ст. 8 Закону)."
                : string.Empty;
            appeal.Record(actor, now, TimelineKind.RepeatLinked, $"Повторне звернення до № {repeatOf.EarlierRegistrationNumber}; на контролі Відділу (п. 4.1 Регламенту).{note}", null, repeatOf.EarlierRegistrationNumber);
        }

        appeal.Raise(AppealChangeKind.Registered, now);
        return appeal;
    }

    private static List<Error> Validate(NewAppeal data, ClassifierProblem problem, Executor executor)
    {
        var errors = new List<Error>(data.Applicant.Validate(data.Channel));
        if (string.IsNullOrWhiteSpace(data.Essence))
        {
            errors.Add(AppealErrors.EssenceRequired);
        }
        else if (data.Essence.Length > MaxTextLength)
        {
            errors.Add(AppealErrors.EssenceTooLong);
        }

        if (string.IsNullOrWhiteSpace(data.ProblemAddress))
        {
            errors.Add(AppealErrors.ProblemAddressRequired);
        }

        if (!problem.IsActive)
        {
            errors.Add(AppealErrors.ProblemInactive);
        }

        if (!executor.IsActive)
        {
            errors.Add(AppealErrors.ExecutorInactive);
        }

        if (data.Kind == AppealKind.Complaint && data.ComplainedAboutExecutorId == executor.Id)
        {
            errors.Add(AppealErrors.ComplaintAgainstExecutor);
        }

        return errors;
    }

    /// <summary>Every error of the registration data at once, so a form can show a message per field.</summary>
    public static IReadOnlyList<Error> ValidateRegistration(NewAppeal data, ClassifierProblem problem, Executor executor) =>
        Validate(data with { Applicant = data.Applicant.Normalized() }, problem, executor);

    /// <summary>Called once by the store inside the registering transaction, with the number it allocated.</summary>
    public Result AssignNumber(RegistrationNumber number)
    {
        if (Number is not null)
        {
            return AppealErrors.NumberAlreadyAssigned;
        }

        Number = number.ToString();
        NumberYear = number.Year;
        NumberSequence = number.Sequence;
        return Common.Result.Success();
    }

    /// <summary>
    /// §2.2: the transaction that gave this card its number rolled back, so the number was never the card's — it went back
    /// to the counter with the rollback, and the card takes the next free one when it is written again. Only the store
    /// calls this, and only for a card that was not saved.
    /// </summary>
    public void WithdrawNumber()
    {
        Number = null;
        NumberYear = 0;
        NumberSequence = 0;
    }

    private static string NewAccessToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private void Record(Actor actor, DateTimeOffset at, TimelineKind kind, string text, string? oldValue = null, string? newValue = null, bool isPublic = false)
    {
        var entry = new TimelineEntry(actor, at, kind, text, oldValue, newValue, isPublic) { Ordinal = timeline.Count + 1 };
        timeline.Add(entry);
        Version++;
    }

    private void Raise(AppealChangeKind kind, DateTimeOffset at, Guid? previousExecutorId = null) =>
        Raise(new AppealChanged(Id, kind, at, ExecutorId, previousExecutorId, DueAt, Status));

    private void ChangeStatus(AppealStatus status) => Status = status;
}
