using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>
/// A generated data set with known answers for the reports: every state a card can be in at a period's end, cards on
/// the period's edges, extensions (kept and breached), SER, redirects in and out of an executor and a direction, a
/// repeat, returns to work and a failed check. Every card is made through the domain, with due dates in hours so each
/// one is exact: a card registered at S+1h has its due date at S+73h.
/// </summary>
/// <remarks>
/// The week is Monday 16.11.2026 (Kyiv) = [S, E), S = 15.11.2026 22:00 UTC, E = S + 168 h. The expected figures are
/// written out by hand in the tests from the comments below, never computed by the code under test.
/// </remarks>
public sealed class ReportScenario
{
    public static readonly ReportingPeriod Week = ReportingPeriod.Week(new DateOnly(2026, 11, 16), DeadlinePolicy.Kyiv);
    public static readonly ReportingPeriod FirstDay = ReportingPeriod.Day(new DateOnly(2026, 11, 16), DeadlinePolicy.Kyiv);
    public static readonly ReportingPeriod November = ReportingPeriod.Month(2026, 11, DeadlinePolicy.Kyiv);
    public static readonly ReportingPeriod FourthQuarter = ReportingPeriod.Quarter(2026, 4, DeadlinePolicy.Kyiv);

    public static readonly DateTimeOffset S = Week.From;
    public static readonly DateTimeOffset E = Week.To;

    /// <summary>The build time of the reports: after everything happened.</summary>
    public static readonly DateTimeOffset BuiltAt = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);

    public static readonly Actor Operator = new("op-1", "Оператор Відділу", Role.Operator);

    private readonly Dictionary<string, Appeal> cards = [];

    public ReportScenario()
    {
        North = new Direction(Guid.NewGuid(), "Житлово-комунальне господарство", "Петренко П. П.");
        South = new Direction(Guid.NewGuid(), "Благоустрій і культура", "Сидоренко С. С.");
        Water = new Executor(Guid.NewGuid(), "КП «Водоканал»", "Водоканал", ExecutorKind.UtilityCompany, North.Id, "Коваль Іван Іванович");
        Roads = new Executor(Guid.NewGuid(), "КП «Шляхи»", "Шляхи", ExecutorKind.UtilityCompany, North.Id, "Шевчук О. О.");
        Parks = new Executor(Guid.NewGuid(), "КП «Парки»", "Парки", ExecutorKind.UtilityCompany, South.Id, "Бондар Л. Л.");
        Section = new ClassifierSection(Guid.NewGuid(), "01", "Комунальне господарство");
        Leak = new ClassifierProblem(Guid.NewGuid(), "01.001", "Витік води", Section.Id, Water.Id, NormativeTerm.Hours(72));
        Pothole = new ClassifierProblem(Guid.NewGuid(), "01.002", "Вибоїна на дорозі", Section.Id, Roads.Id, NormativeTerm.Hours(72));
    }

    public Direction North { get; }

    public Direction South { get; }

    public Executor Water { get; }

    public Executor Roads { get; }

    public Executor Parks { get; }

    public ClassifierSection Section { get; }

    public ClassifierProblem Leak { get; }

    public ClassifierProblem Pothole { get; }

    public DeadlinePolicy Policy { get; } = new(WorkingCalendar.WeekendsOnly);

    /// <summary>The registration number of the card with this label (after <see cref="SaveAsync"/>).</summary>
    public string this[string label] => cards[label].Number!;

    public IEnumerable<string> Numbers(params string[] labels) => labels.Select(l => this[l]);

    private Actor StaffOf(Executor executor) => new($"staff-{executor.ShortName}", $"Працівник {executor.ShortName}", Role.ExecutorResponsible, executor.Id);

    private static DateTimeOffset H(double hours) => S.AddHours(hours);

    public async Task SaveAsync(Func<ContactCenterDbContext> createContext, CancellationToken cancellationToken)
    {
        await using (var db = createContext())
        {
            db.Directions.AddRange(North, South);
            db.Executors.AddRange(Water, Roads, Parks);
            db.ClassifierSections.Add(Section);
            db.ClassifierProblems.AddRange(Leak, Pothole);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Each card is saved as it is made, so a repeat can name the number of the earlier card.
        foreach (var (label, card) in Build())
        {
            await using var db = createContext();
            await CardStore.SaveNewAsync(db, card, Policy, cancellationToken);
            cards[label] = card;
        }
    }

    private IEnumerable<(string Label, Appeal Card)> Build()
    {
        var water = StaffOf(Water);

        // 1 onTime: registered S+1h (due S+73h), closed S+50h; a sample check at S+60h finds it only partly done.
        var onTime = Register(H(1), Water, Leak, author: AuthorCategory.Pensioner);
        Ok(onTime.Close(Operator, H(50), AppealResult.ResolvedPositively, "Усунуто витік"));
        Ok(onTime.RecordCheck(Operator, H(60), QualityCheckKind.Sample, QualityCheckResult.PartlyDone, "Залишився мокрий ґрунт"));
        yield return ("onTime", onTime);

        // 2 late: registered S-100h (due S-28h), closed S+5h: late by 33 h = 2 days.
        var late = Register(H(-100), Water, Leak);
        Ok(late.Close(Operator, H(5), AppealResult.Explained, "Надано роз'яснення"));
        yield return ("late", late);

        // 3 closedAtDue: registered S+2h (due S+74h), closed exactly at its due date: on time.
        var closedAtDue = Register(H(2), Water, Leak, privilege: PrivilegedCategory.CombatParticipant);
        Ok(closedAtDue.Close(Operator, H(74), AppealResult.ResolvedPositively, "Виконано"));
        yield return ("closedAtDue", closedAtDue);

        // 4 overdue: registered S+10h (due S+82h), open: overdue at E by 86 h = 4 days.
        yield return ("overdue", Register(H(10), Water, Leak));

        // 5 inWork: registered E-10h through the web form (due E+62h): in work at E.
        yield return ("inWork", Register(E.AddHours(-10), Water, Leak, channel: Channel.Web));

        // 6 extended: registered S-48h (due S+24h), extension approved at S+20h to E+24h: in work and under additional control.
        var extended = Register(H(-48), Water, Leak);
        Extend(extended, water, H(19), H(20), E.AddHours(24));
        yield return ("extended", extended);

        // 7 breached: registered S-72h (due S), extended at S-1h to S+48h, still open at E: overdue, additional control breached.
        var breached = Register(H(-72), Water, Leak);
        Extend(breached, water, H(-2), H(-1), H(48));
        yield return ("breached", breached);

        // 8 ser: registered S+3h (due S+75h), included in SER plans at S+30h: neither in work nor overdue.
        var ser = Register(H(3), Water, Leak);
        var proof = ser.AddAttachment(water, H(28), new AttachmentInfo("кошторис.pdf", "application/pdf", 100, "k.pdf")).Value;
        var serRequest = ser.RequestPlanInclusion(water, H(29), "Потрібна заміна мережі за бюджетні кошти", [proof]).Value;
        Ok(ser.ApprovePlanInclusion(Operator, H(30), serRequest, "Програма реконструкції мереж 2027", "Погоджено"));
        yield return ("ser", ser);

        // 9 redirectedOut: registered S+4h to Water, redirected at S+6h to Parks (another direction); open, overdue at E.
        var redirectedOut = Register(H(4), Water, Leak);
        Ok(redirectedOut.Redirect(Operator, H(6), Parks, "Територія парку"));
        yield return ("redirectedOut", redirectedOut);

        // 10 redirectedIn: registered S+5h to Roads, redirected at S+7h to Water (same direction); open, overdue at E.
        var redirectedIn = Register(H(5), Roads, Pothole);
        Ok(redirectedIn.Redirect(Operator, H(7), Water, "Пошкоджено водопровід"));
        yield return ("redirectedIn", redirectedIn);

        // 11 closedBeforeWeek: registered S-100h (due S-28h), closed S-30h on time: in November, not in the week.
        var closedBefore = Register(H(-100), Water, Leak);
        Ok(closedBefore.Close(Operator, H(-30), AppealResult.ResolvedPositively, "Виконано"));
        yield return ("closedBeforeWeek", closedBefore);

        // 12 atWeekEnd: registered exactly at E: belongs to the next week (due E+72h).
        yield return ("atWeekEnd", Register(E, Water, Leak));

        // 13 atWeekStart: registered exactly at S (due S+72h), closed exactly at E: in the week, and still open at its end.
        var atStart = Register(S, Water, Leak);
        Ok(atStart.Close(Operator, E, AppealResult.ResolvedPositively, "Виконано"));
        yield return ("atWeekStart", atStart);

        // 14 repeat: registered S+20h as a repeat of card 1 (due S+92h), open: overdue.
        yield return ("repeat", Register(H(20), Water, Leak, repeatOf: onTime));

        // 15 returnedTwice: registered S-20h (due S+52h), proposed and returned twice; open and overdue.
        var returned = Register(H(-20), Water, Leak);
        Ok(returned.ProposeClosure(water, H(10), "Виконано", AppealResult.ResolvedPositively));
        Ok(returned.ReturnToWork(Operator, H(11), "Фото не відповідає адресі"));
        Ok(returned.ProposeClosure(water, H(12), "Виконано повторно", AppealResult.ResolvedPositively));
        Ok(returned.ReturnToWork(Operator, H(13), "Заявник повідомив, що вода тече"));
        yield return ("returnedTwice", returned);

        // 16 roads: a proposal to Roads registered S+8h, closed S+9h on time with a refusal.
        var roads = Register(H(8), Roads, Pothole, kind: AppealKind.Proposal);
        Ok(roads.Close(Operator, H(9), AppealResult.Refused, "Не передбачено планом"));
        yield return ("roads", roads);

        // 17 redirectedBefore: registered S-30h to Roads, redirected at S-29h to Water, closed S+40h (due S+42h): on time.
        var redirectedBefore = Register(H(-30), Roads, Pothole);
        Ok(redirectedBefore.Redirect(Operator, H(-29), Water, "Водопровід"));
        Ok(redirectedBefore.Close(Operator, H(40), AppealResult.ResolvedPositively, "Виконано"));
        yield return ("redirectedBefore", redirectedBefore);
    }

    private Appeal Register(
        DateTimeOffset at,
        Executor executor,
        ClassifierProblem problem,
        Channel channel = Channel.Phone,
        AppealKind kind = AppealKind.Statement,
        AuthorCategory author = AuthorCategory.NotSpecified,
        PrivilegedCategory privilege = PrivilegedCategory.None,
        Appeal? repeatOf = null)
    {
        var applicant = new Applicant(
            "Іваненко", "Марія", "Петрівна", "м. Пирятин, вул. Соборна, 1", "0671234567",
            channel == Channel.Phone ? null : "maria@example.com", null, privilege, author);
        var data = new NewAppeal(channel, applicant, "Тече вода біля будинку", $"вул. Соборна, {cards.Count + 1}", kind);
        var repeat = repeatOf is null ? null : new RepeatMatch(repeatOf.Id, repeatOf.Number ?? "попереднє", false);
        var result = Appeal.Register(data, problem, executor, Policy, IntakeScreen.Open, repeat, Operator, at);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.ToString());
    }

    private void Extend(Appeal card, Actor staff, DateTimeOffset requestedAt, DateTimeOffset approvedAt, DateTimeOffset newDueAt)
    {
        var proof = card.AddAttachment(staff, requestedAt, new AttachmentInfo("акт.pdf", "application/pdf", 100, "a.pdf")).Value;
        var request = card.RequestExtension(staff, requestedAt, "Потрібна заміна ділянки труби", newDueAt, [proof]).Value;
        Ok(card.ApproveExtension(Operator, approvedAt, request, newDueAt, "Погоджено"));
    }

    private static void Ok(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(result.Error.ToString());
        }
    }
}
