using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;

namespace ContactCenter.Domain.Tests.Appeals;

/// <summary>
/// Fixed times, organisation and actors, and appeal cards in each state, reached only through the public transitions.
/// Every card it hands out has its domain events cleared, so a test sees only the events of the step it exercises.
/// </summary>
internal static class AppealBuilder
{
    public static readonly Guid DirectionAId = new("a0000000-0000-0000-0000-00000000000d");

    public static readonly Guid DirectionBId = new("b0000000-0000-0000-0000-00000000000d");

    /// <summary>Водоканал: the default executor of <see cref="Problem"/>.</summary>
    public static readonly Guid ExecutorAId = new("a0000000-0000-0000-0000-0000000000e1");

    /// <summary>Благоустрій: another executor, of another direction.</summary>
    public static readonly Guid ExecutorBId = new("b0000000-0000-0000-0000-0000000000e2");

    public static readonly Guid SectionId = new("5ec00000-0000-0000-0000-000000000001");

    public static readonly Guid ProblemId = new("9b000000-0000-0000-0000-000000000001");

    public static readonly Guid EarlierAppealId = new("ea000000-0000-0000-0000-000000000001");

    /// <summary>Monday, 2 March 2026, 09:00 UTC (11:00 in Kyiv).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The term of <see cref="Problem"/>: 10 days, i.e. Thursday 12 March 2026, 23:59:59 in Kyiv (UTC+2).</summary>
    public static readonly DateTimeOffset DueAt = new(2026, 3, 12, 21, 59, 59, TimeSpan.Zero);

    /// <summary>45 days from receipt: Thursday 16 April 2026, 23:59:59 in Kyiv (summer time, UTC+3).</summary>
    public static readonly DateTimeOffset MaxDueAt = new(2026, 4, 16, 20, 59, 59, TimeSpan.Zero);

    public static readonly DeadlinePolicy Policy = new(WorkingCalendar.WeekendsOnly);

    public static readonly NormativeTerm Term = NormativeTerm.Days(10);

    public static readonly Actor Operator = new("u-op", "Бондар Марія", Role.Operator);

    public static readonly Actor StaffA = new("u-staff-a", "Петренко Олена", Role.ExecutorResponsible, ExecutorAId);

    public static readonly Actor PerformerActorA = new("u-perf-a", "Коваль Іван", Role.Performer, ExecutorAId);

    public static readonly Actor StaffB = new("u-staff-b", "Мельник Петро", Role.ExecutorResponsible, ExecutorBId);

    public static readonly Actor Deputy = new("u-dep", "Ткаченко Андрій", Role.Deputy);

    public static readonly Actor Citizen = Actor.Applicant("Іваненко Іван Петрович");

    public static readonly Performer PerformerA = new("u-perf-a", "Коваль Іван", ExecutorAId);

    public static readonly Performer SecondPerformerA = new("u-perf-a2", "Шевчук Ганна", ExecutorAId);

    public static readonly Performer PerformerB = new("u-perf-b", "Олійник Степан", ExecutorBId);

    public static readonly AttachmentInfo Photo = new("акт.jpg", "image/jpeg", 120_000, "stored-0001.jpg");

    public static Executor ExecutorA() =>
        new(ExecutorAId, "КП «Водоканал»", "Водоканал", ExecutorKind.UtilityCompany, DirectionAId, "Сидоренко Віктор");

    public static Executor ExecutorB() =>
        new(ExecutorBId, "Відділ благоустрою", "Благоустрій", ExecutorKind.CouncilDepartment, DirectionBId, "Кравець Ольга");

    public static ClassifierProblem Problem(NormativeTerm? term = null, bool needsAdditionalStudy = false) =>
        new(ProblemId, "01.02", "Низький тиск води", SectionId, ExecutorAId, term ?? Term, needsAdditionalStudy, "водопостачання напір");

    public static Applicant Applicant(
        string surname = "Іваненко",
        string firstName = "Іван",
        string patronymic = "Петрович",
        string residence = "вул. Шевченка, 1, кв. 5",
        string? phone = "067 123 45 67",
        string? email = "ivan@ukr.net",
        string? otherContact = null,
        PrivilegedCategory privilege = PrivilegedCategory.None,
        bool confidential = false) =>
        new(surname, firstName, patronymic, residence, phone, email, otherContact, privilege, AuthorCategory.Pensioner, confidential);

    public static NewAppeal Data(
        Channel channel = Channel.Phone,
        Applicant? applicant = null,
        string essence = "Третій день дуже низький тиск води на п'ятому поверсі",
        string problemAddress = "вул. Шевченка, 1",
        AppealKind kind = AppealKind.Statement,
        Guid? complainedAbout = null) =>
        new(channel, applicant ?? Applicant(), essence, problemAddress, kind, ComplainedAboutExecutorId: complainedAbout);

    public static Result<Appeal> Register(
        NewAppeal? data = null,
        ClassifierProblem? problem = null,
        Executor? executor = null,
        IntakeScreen? screen = null,
        RepeatMatch? repeatOf = null,
        Actor? actor = null,
        DateTimeOffset? now = null) =>
        Appeal.Register(
            data ?? Data(),
            problem ?? Problem(),
            executor ?? ExecutorA(),
            Policy,
            screen ?? IntakeScreen.Open,
            repeatOf,
            actor ?? Operator,
            now ?? Now);

    /// <summary>Registered by the operator at <see cref="Now"/> with executor A and number 2026-000123.</summary>
    public static Appeal Registered(NewAppeal? data = null, RepeatMatch? repeatOf = null)
    {
        var appeal = Register(data, repeatOf: repeatOf).Value;
        appeal.AssignNumber(new RegistrationNumber(2026, 123)).Ok();
        return Done(appeal);
    }

    public static Appeal RegisteredComplaintAgainstB() =>
        Registered(Data(kind: AppealKind.Complaint, complainedAbout: ExecutorBId));

    /// <summary>Taken into work by executor A an hour after registration.</summary>
    public static Appeal InWork()
    {
        var appeal = Registered();
        appeal.TakeIntoWork(StaffA, Now.AddHours(1)).Ok();
        return Done(appeal);
    }

    public static Appeal WithPerformer()
    {
        var appeal = InWork();
        appeal.AssignPerformer(StaffA, Now.AddHours(2), PerformerA).Ok();
        return Done(appeal);
    }

    /// <summary>In work with one photo uploaded by executor A; its id comes out.</summary>
    public static Appeal WithAttachment(out Guid attachmentId)
    {
        var appeal = InWork();
        attachmentId = appeal.AddAttachment(StaffA, Now.AddHours(2), Photo).Value;
        Done(appeal);
        return appeal;
    }

    public static Appeal WithPendingRedirect(out Guid requestId)
    {
        var appeal = WithPerformer();
        requestId = appeal.RequestRedirect(StaffA, Now.AddHours(3), "Мережа на балансі іншого підприємства", ExecutorBId).Value;
        Done(appeal);
        return appeal;
    }

    public static Appeal WithPendingExtension(out Guid requestId, DateTimeOffset? proposedDueAt = null)
    {
        var appeal = WithAttachment(out var proof);
        requestId = appeal.RequestExtension(StaffA, Now.AddHours(3), "Потрібна заміна насоса, акт додано", proposedDueAt ?? DueAt.AddDays(10), [proof]).Value;
        Done(appeal);
        return appeal;
    }

    public static Appeal WithPendingPlanInclusion(out Guid requestId)
    {
        var appeal = WithAttachment(out var proof);
        requestId = appeal.RequestPlanInclusion(StaffA, Now.AddHours(3), "Потрібна реконструкція мережі за бюджетні кошти", [proof]).Value;
        Done(appeal);
        return appeal;
    }

    /// <summary>An extension to <see cref="DueAt"/> + 7 days approved on day 5.</summary>
    public static Appeal Extended()
    {
        var appeal = WithPendingExtension(out var request, DueAt.AddDays(7));
        appeal.ApproveExtension(Operator, Now.AddDays(5), request, DueAt.AddDays(7), "Обґрунтування прийнято").Ok();
        return Done(appeal);
    }

    public static Appeal InSerPlan()
    {
        var appeal = WithPendingPlanInclusion(out var request);
        appeal.ApprovePlanInclusion(Operator, Now.AddDays(1), request, "План СЕР водопостачання 2026–2028", "Погоджено").Ok();
        return Done(appeal);
    }

    public static Appeal ProposedForClosure(out Guid requestId)
    {
        var appeal = WithPerformer();
        requestId = appeal.ProposeClosure(StaffA, Now.AddDays(3), "Замінено засувку, тиск відновлено", AppealResult.ResolvedPositively).Value;
        return Done(appeal);
    }

    public static Appeal ProposedForClosure() => ProposedForClosure(out _);

    /// <summary>Closed by the Department on day 4, after executor A proposed it.</summary>
    public static Appeal Closed(NewAppeal? data = null, RepeatMatch? repeatOf = null)
    {
        var appeal = Registered(data, repeatOf);
        appeal.TakeIntoWork(StaffA, Now.AddHours(1)).Ok();
        appeal.ProposeClosure(StaffA, Now.AddDays(3), "Замінено засувку, тиск відновлено", AppealResult.ResolvedPositively).Ok();
        appeal.Close(Operator, Now.AddDays(4), AppealResult.ResolvedPositively, "Тиск відновлено").Ok();
        return Done(appeal);
    }

    public static Appeal ReturnedToWork()
    {
        var appeal = ProposedForClosure();
        appeal.ReturnToWork(Operator, Now.AddDays(4), "Фото не підтверджує виконання").Ok();
        return Done(appeal);
    }

    public static Appeal ToBeForwarded()
    {
        var appeal = Registered();
        appeal.MarkOutsideCompetence(Operator, Now.AddHours(1), Policy, "Питання належить до компетенції обласної адміністрації").Ok();
        return Done(appeal);
    }

    public static Appeal Forwarded()
    {
        var appeal = ToBeForwarded();
        appeal.Forward(Operator, Now.AddDays(1), "Полтавська ОВА", "Ваше звернення переслано до Полтавської ОВА").Ok();
        return Done(appeal);
    }

    /// <summary>A web appeal marked incomplete: to be returned to the applicant.</summary>
    public static Appeal ToBeReturned()
    {
        var appeal = Registered(Data(Channel.Web));
        appeal.MarkIncomplete(Operator, Now.AddHours(1), Policy, "Не зазначено місце проживання повністю").Ok();
        return Done(appeal);
    }

    public static Appeal ReturnedToApplicant()
    {
        var appeal = ToBeReturned();
        appeal.ReturnToApplicant(Operator, Now.AddDays(1), "Зазначте повну адресу проживання").Ok();
        return Done(appeal);
    }

    public static Appeal LeftWithoutConsideration()
    {
        var appeal = Registered();
        appeal.LeaveWithoutConsideration(Operator, Now.AddHours(1), "Містить заклики до ворожнечі (п. 2.5 Регламенту)").Ok();
        return Done(appeal);
    }

    /// <summary>Builds a card by the name of its state, for theories over states.</summary>
    public static Appeal InState(string state) => state switch
    {
        nameof(Registered) => Registered(),
        nameof(InWork) => InWork(),
        nameof(ProposedForClosure) => ProposedForClosure(),
        nameof(ReturnedToWork) => ReturnedToWork(),
        nameof(Closed) => Closed(),
        nameof(ToBeForwarded) => ToBeForwarded(),
        nameof(Forwarded) => Forwarded(),
        nameof(ToBeReturned) => ToBeReturned(),
        nameof(ReturnedToApplicant) => ReturnedToApplicant(),
        nameof(LeftWithoutConsideration) => LeftWithoutConsideration(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown state."),
    };

    /// <summary>The terminal states: off the executor's queue.</summary>
    public static TheoryData<string> TerminalStates => new()
    {
        nameof(Closed), nameof(Forwarded), nameof(ReturnedToApplicant), nameof(LeftWithoutConsideration),
    };

    /// <summary>States in which the executor works on the card.</summary>
    public static TheoryData<string> ExecutorStates => new()
    {
        nameof(Registered), nameof(InWork), nameof(ProposedForClosure), nameof(ReturnedToWork),
    };

    public static void Ok(this Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(result.Error.ToString());
        }
    }

    private static Appeal Done(Appeal appeal)
    {
        appeal.ClearDomainEvents();
        return appeal;
    }
}
