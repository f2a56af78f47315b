using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Reporting;

namespace ContactCenter.Benchmarks.Scale;

/// <summary>
/// A five-year history of a Kyiv-size city, generated deterministically (one seed): directions, executors whose loads
/// follow a Zipf law (a few big utilities, a long tail of small bodies), a classifier, and cards registered evenly over
/// the five years — nearly all closed, ~1.4 % open (the recent ones, and a tail of overdue, extended and SER-plan
/// cards), each with its timeline and due-date history. Ids are sequential so that rows arrive in key order.
/// </summary>
public sealed class KyivHistory
{
    public const int HeavyCallers = 20;

    /// <summary>Share of cards from the heavy repeat callers (each of them calls ~1,500 times in five years at 6M cards).</summary>
    private const double HeavyShare = 0.005;

    private const int Sections = 20;
    private const int ProblemsPerSection = 20;

    private static readonly int[] TermDays = [3, 10, 15, 15, 15, 30];
    private static readonly string[] Surnames = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник", "Поліщук", "Лисенко", "Савченко"];
    private static readonly string[] FirstNames = ["Олена", "Андрій", "Ірина", "Сергій", "Наталія", "Олександр", "Марія", "Дмитро"];
    private static readonly string[] Patronymics = ["Іванівна", "Петрович", "Миколаївна", "Васильович", "Олегівна", "Юрійович"];
    private static readonly string[] Streets = ["вул. Хрещатик", "просп. Перемоги", "вул. Саксаганського", "бульв. Лесі Українки", "вул. Велика Васильківська", "просп. Бажана", "вул. Драгоманова", "вул. Прирічна"];

    /// <param name="start">The first registration (five years before <paramref name="now"/> unless given).</param>
    /// <param name="end">Registrations stop here (at <paramref name="now"/> unless given): a month's data set ends at the month's end.</param>
    public KyivHistory(int cards, int executors, int directions, DateTimeOffset now, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        Cards = cards;
        Now = now;
        Start = start ?? now.AddDays(-5 * 365);
        End = end ?? now;
        DirectionIds = Enumerable.Range(0, directions).Select(i => IdOf(Tag.Direction, i)).ToArray();
        ExecutorIds = Enumerable.Range(0, executors).Select(i => IdOf(Tag.Executor, i)).ToArray();
        ProblemIds = Enumerable.Range(0, Sections * ProblemsPerSection).Select(i => IdOf(Tag.Problem, i)).ToArray();

        // Zipf (s = 1): executor 0 receives ~1/H(3000) ≈ 12 % of the cards — a queue of ~10,000 open cards at full size.
        cumulative = new double[executors];
        var sum = 0.0;
        for (var i = 0; i < executors; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        for (var i = 0; i < executors; i++)
        {
            cumulative[i] /= sum;
        }
    }

    private readonly double[] cumulative;

    public int Cards { get; }

    public DateTimeOffset Now { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public Guid[] DirectionIds { get; }

    public Guid[] ExecutorIds { get; }

    public Guid[] ProblemIds { get; }

    public enum Tag
    {
        Direction = 1,
        Executor = 2,
        Section = 3,
        Problem = 4,
        Appeal = 5,
        Timeline = 6,
        DueDate = 7,
    }

    /// <summary>Sequential ids: the same order as text (SQLite) and as uuid bytes (PostgreSQL).</summary>
    public static Guid IdOf(Tag tag, long n) =>
        Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"{(int)tag:x8}-0000-4000-8000-{n:x12}"));

    public static Guid AppealId(long n) => IdOf(Tag.Appeal, n);

    public static string HeavyPhone(int k) => PhoneNumber.Normalize(string.Create(CultureInfo.InvariantCulture, $"+38067{5550000 + k:0000000}"))!;

    public Guid DirectionOf(int executor) => DirectionIds[executor % DirectionIds.Length];

    public void WriteReference(BulkTable directions, BulkTable executors, BulkTable sections, BulkTable problems)
    {
        for (var i = 0; i < DirectionIds.Length; i++)
        {
            directions.Begin();
            directions.Guid(DirectionIds[i]);
            directions.Text($"Напрямок {i + 1:00}");
            directions.Text($"Заступник {i + 1:00}");
            directions.Null();
            directions.End();
        }

        for (var i = 0; i < ExecutorIds.Length; i++)
        {
            executors.Begin();
            executors.Guid(ExecutorIds[i]);
            executors.Text(i < 40 ? $"Комунальне підприємство «Служба {i + 1:00}»" : $"Виконавець {i + 1:0000}");
            executors.Text(i < 40 ? $"КП «Служба {i + 1:00}»" : $"Вик. {i + 1:0000}");
            executors.Text(i < 40 ? "UtilityCompany" : "CouncilDepartment");
            executors.Guid(DirectionOf(i));
            executors.Text($"Керівник {i + 1:0000}");
            executors.Null();
            executors.Null();
            executors.Bool(true);
            executors.End();
        }

        for (var s = 0; s < Sections; s++)
        {
            sections.Begin();
            sections.Guid(IdOf(Tag.Section, s));
            sections.Text($"{s + 1:00}");
            sections.Text($"Розділ класифікатора {s + 1:00}");
            sections.Null();
            sections.End();
        }

        for (var p = 0; p < ProblemIds.Length; p++)
        {
            problems.Begin();
            problems.Guid(ProblemIds[p]);
            problems.Text($"{p / ProblemsPerSection + 1:00}.{p % ProblemsPerSection + 1:00}");
            problems.Text($"Проблема {p + 1:000}");
            problems.Null();
            problems.Guid(IdOf(Tag.Section, p / ProblemsPerSection));
            problems.Guid(ExecutorIds[p % ExecutorIds.Length]);
            problems.Bool(false);
            problems.Text(string.Empty);
            problems.Bool(true);
            problems.Text("Days");
            problems.Int(TermDays[p % TermDays.Length]);
            problems.End();
        }
    }

    public static readonly string[] DirectionColumns = ["Id", "Name", "DeputyName", "DeputyUserId"];
    public static readonly string[] ExecutorColumns = ["Id", "Name", "ShortName", "Kind", "DirectionId", "HeadName", "HeadEmail", "Phone", "IsActive"];
    public static readonly string[] SectionColumns = ["Id", "Code", "Name", "ParentId"];
    public static readonly string[] ProblemColumns = ["Id", "Code", "Name", "Description", "SectionId", "DefaultExecutorId", "NeedsAdditionalStudy", "Keywords", "IsActive", "TermUnit", "TermValue"];

    public static readonly string[] AppealColumns =
    [
        "Id", "Number", "NumberYear", "NumberSequence", "Channel", "Kind", "Sign", "Surname", "FirstName", "Patronymic",
        "ResidenceAddress", "Phone", "Email", "OtherContact", "Privilege", "IsPrivileged", "AuthorCategory", "IsConfidential",
        "Essence", "ProblemId", "ProblemAddress", "ProblemAddressKey", "TerritoryId", "Latitude", "Longitude",
        "ComplainedAboutExecutorId", "ExecutorId", "DirectionId", "Status", "RegisteredAt", "RegisteredById", "RegisteredByName",
        "DueAt", "InitialDueAt", "MaxDueAt", "ExtensionCount", "SerPlanIncludedAt", "SerPlanName", "ClosedAt", "ClosedOnTime", "Result",
        "Resolution", "ReturnCount", "OnDepartmentControl", "DepartmentControlReason", "RepeatOfId", "RepeatOfNumber",
        "MayBeLeftWithoutConsideration", "ConfirmedByApplicant", "ApplicantAnsweredAt", "OverdueMarkedAt", "CompetentBody",
        "Version", "AccessToken",
    ];

    public static readonly string[] TimelineColumns = ["Id", "Ordinal", "At", "ActorId", "ActorName", "ActorRole", "Kind", "Text", "OldValue", "NewValue", "IsPublic", "AttachmentId", "AppealId"];
    public static readonly string[] DueDateColumns = ["Id", "ChangedAt", "DueAt", "Kind", "Reason", "AppealId"];

    /// <summary>What was written, for the summary.</summary>
    public sealed class Counts
    {
        public long Open { get; set; }

        public long Overdue { get; set; }

        public long Extended { get; set; }

        public long Ser { get; set; }
    }

    /// <summary>Writes every card with its timeline and due dates; <paramref name="checkpoint"/> is called every 100,000 cards.</summary>
    public Counts WriteCards(BulkTable appeals, BulkTable timeline, BulkTable dueDates, Action<long> checkpoint)
    {
        var random = new Random(1551);
        var counts = new Counts();
        var span = End - Start;
        var lastOfHeavy = new (Guid Id, string Number)?[HeavyCallers];
        var phonePool = Math.Max(1000, Cards / 2);
        long timelineId = 0, dueDateId = 0;
        var year = 0;
        long sequence = 0;

        for (long n = 0; n < Cards; n++)
        {
            var id = AppealId(n);
            var registeredAt = Start + (span * ((n + random.NextDouble()) / Cards));
            if (registeredAt >= End)
            {
                registeredAt = End.AddMinutes(-1);
            }

            var local = TimeZoneInfo.ConvertTime(registeredAt, ContactCenter.Domain.Deadlines.DeadlinePolicy.Kyiv);
            if (local.Year != year)
            {
                year = local.Year;
                sequence = 0;
            }

            sequence++;
            var number = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{sequence:D6}");
            var executor = Array.BinarySearch(cumulative, random.NextDouble());
            executor = executor < 0 ? Math.Min(~executor, cumulative.Length - 1) : executor;
            var problem = random.Next(ProblemIds.Length);
            var term = TimeSpan.FromDays(TermDays[problem % TermDays.Length]);
            var initialDue = registeredAt + term;
            var age = (Now - registeredAt).TotalDays;

            // Open: most of the last two weeks, a quarter of the last six weeks, a thin tail of older stragglers.
            var openChance = age < 14 ? 0.85 : age < 45 ? 0.25 : age < 365 ? 0.012 : 0.0015;
            var open = random.NextDouble() < openChance;

            var extensions = 0;
            if (open ? age > term.TotalDays * 0.7 && random.NextDouble() < 0.35 : random.NextDouble() < 0.1)
            {
                extensions = random.NextDouble() < 0.1 ? 2 : 1;
            }

            var due = initialDue;
            DateTimeOffset? ser = null;
            DateTimeOffset? closedAt = null;
            if (open)
            {
                for (var e = 0; e < extensions; e++)
                {
                    due += TimeSpan.FromDays(15 + random.Next(16));
                }

                if (age > 45 && random.NextDouble() < 0.2)
                {
                    ser = initialDue.AddDays(2);
                }
            }
            else
            {
                for (var e = 0; e < extensions; e++)
                {
                    due += TimeSpan.FromDays(15);
                }

                // ~8 % closed late.
                var fraction = random.NextDouble() < 0.08 ? 1 + random.NextDouble() * 0.5 : 0.1 + random.NextDouble() * 0.88;
                closedAt = registeredAt + ((due - registeredAt) * fraction);
                if (closedAt >= Now)
                {
                    closedAt = registeredAt + ((Now - registeredAt) * random.NextDouble());
                }
            }

            var status = open
                ? age < 1 && random.NextDouble() < 0.5 ? "Registered" : random.NextDouble() switch { < 0.8 => "InWork", < 0.9 => "ProposedForClosure", _ => "ReturnedToWork" }
                : "Closed";
            if (open)
            {
                counts.Open++;
                counts.Extended += extensions > 0 ? 1 : 0;
                counts.Ser += ser is null ? 0 : 1;
                counts.Overdue += ser is null && due < Now ? 1 : 0;
            }

            string phone;
            Guid? repeatOf = null;
            string? repeatOfNumber = null;
            if (random.NextDouble() < HeavyShare)
            {
                var k = random.Next(HeavyCallers);
                phone = HeavyPhone(k);
                if (lastOfHeavy[k] is { } last)
                {
                    repeatOf = last.Id;
                    repeatOfNumber = last.Number;
                }

                lastOfHeavy[k] = (id, number);
            }
            else
            {
                phone = PhoneNumber.Normalize(string.Create(CultureInfo.InvariantCulture, $"+38050{random.Next(phonePool):0000000}"))!;
            }

            var privileged = random.NextDouble() < 0.03;
            var street = Streets[random.Next(Streets.Length)];
            var address = string.Create(CultureInfo.InvariantCulture, $"{street}, {1 + random.Next(200)}");
            var registrar = $"operator-{random.Next(40)}";

            appeals.Begin();
            appeals.Guid(id);
            appeals.Text(number);
            appeals.Int(year);
            appeals.Long(sequence);
            appeals.Text(random.NextDouble() < 0.8 ? "Phone" : "Web");
            appeals.Text(random.NextDouble() < 0.9 ? "Statement" : "Complaint");
            appeals.Text(repeatOf is null ? "Primary" : "Repeated");
            appeals.Text(Surnames[random.Next(Surnames.Length)]);
            appeals.Text(FirstNames[random.Next(FirstNames.Length)]);
            appeals.Text(Patronymics[random.Next(Patronymics.Length)]);
            appeals.Text(address);
            appeals.Text(phone);
            appeals.Null();
            appeals.Null();
            appeals.Text(privileged ? "CombatParticipant" : "None");
            appeals.Bool(privileged);
            appeals.Text(privileged ? "CombatParticipant" : "NotSpecified");
            appeals.Bool(false);
            appeals.Text($"Звернення щодо проблеми {problem + 1:000} за адресою {address}: прошу вжити заходів і повідомити про результат.");
            appeals.Guid(ProblemIds[problem]);
            appeals.Text(address);
            appeals.Text(address.ToLowerInvariant());
            appeals.Null();
            appeals.Null();
            appeals.Null();
            appeals.Null();
            appeals.Guid(ExecutorIds[executor]);
            appeals.Guid(DirectionOf(executor));
            appeals.Text(status);
            appeals.Time(registeredAt);
            appeals.Text(registrar);
            appeals.Text($"Оператор {registrar[9..]}");
            appeals.Time(due);
            appeals.Time(initialDue);
            appeals.Time(registeredAt.AddDays(45));
            appeals.Int(extensions);
            appeals.Time(ser);
            appeals.Text(ser is null ? null : "Програма соціально-економічного розвитку");
            appeals.Time(closedAt);
            if (closedAt is { } closing)
            {
                appeals.Bool(ComplianceCalculator.IsClosedOnTime(DueAtClosure(initialDue, due, extensions, closing), closing));
            }
            else
            {
                appeals.Null();
            }

            appeals.Text(closedAt is null ? null : random.NextDouble() switch { < 0.6 => "ResolvedPositively", < 0.92 => "Explained", _ => "Refused" });
            appeals.Text(closedAt is null ? null : "Роботи виконано, заявника повідомлено.");
            appeals.Int(0);
            appeals.Bool(false);
            appeals.Null();
            appeals.Guid(repeatOf);
            appeals.Text(repeatOfNumber);
            appeals.Bool(false);
            appeals.Null();
            appeals.Null();
            appeals.Time(open && ser is null && due < Now ? due : null);
            appeals.Null();
            appeals.Int(1);
            appeals.Text(id.ToString("N"));
            appeals.End();

            // The due-date history: set at registration, then each approved extension.
            var dueAt = initialDue;
            WriteDueDate(dueDates, IdOf(Tag.DueDate, dueDateId++), registeredAt, dueAt, "Initial", "Строк установлено автоматично під час реєстрації (п. 2.2 Регламенту)", id);
            for (var e = 0; e < extensions; e++)
            {
                var changedAt = dueAt.AddDays(-1);
                dueAt = e == extensions - 1 ? due : dueAt + TimeSpan.FromDays(15);
                WriteDueDate(dueDates, IdOf(Tag.DueDate, dueDateId++), changedAt, dueAt, "Extension", "Продовжено строк: потрібні додаткові роботи", id);
            }

            // The timeline: ~8 entries a card on average.
            var ordinal = 0;
            var end = closedAt ?? Now;
            var step = (end - registeredAt) / 9;
            var performer = $"performer-{executor}-{random.Next(5)}";
            WriteEntry(timeline, ref timelineId, ordinal++, registeredAt, registrar, "Оператор", "Operator", "Registered", "Звернення зареєстровано (телефон)", null, "Зареєстровано", true, id);
            if (status != "Registered")
            {
                WriteEntry(timeline, ref timelineId, ordinal++, registeredAt + step, performer, "Відповідальна особа", "ExecutorResponsible", "TakenIntoWork", "Взято в роботу", "Зареєстровано", "В роботі", true, id);
                WriteEntry(timeline, ref timelineId, ordinal++, registeredAt + (step * 1.5), performer, "Відповідальна особа", "ExecutorResponsible", "PerformerAssigned", "Призначено виконавця робіт", null, null, false, id);
                var comments = closedAt is null ? random.Next(4) : 2;
                for (var c = 0; c < comments; c++)
                {
                    WriteEntry(timeline, ref timelineId, ordinal++, registeredAt + (step * (2 + c)), performer, "Виконавець робіт", "Performer", "Comment", "Бригаду направлено на місце, роботи тривають.", null, null, false, id);
                }
            }

            for (var e = 0; e < extensions; e++)
            {
                WriteEntry(timeline, ref timelineId, ordinal++, initialDue.AddDays(-1), "operator-1", "Оператор", "Operator", "DueDateChanged", "Строк продовжено", null, null, true, id);
            }

            if (ser is { } serAt)
            {
                WriteEntry(timeline, ref timelineId, ordinal++, serAt, "operator-1", "Оператор", "Operator", "IncludedInSerPlan", "Включено до програми соціально-економічного розвитку", null, null, true, id);
            }

            if (closedAt is { } closed)
            {
                WriteEntry(timeline, ref timelineId, ordinal++, closed - (step * 0.5), performer, "Відповідальна особа", "ExecutorResponsible", "ClosureProposed", "Запропоновано закрити: роботи виконано", "В роботі", "Запропоновано до закриття", false, id);
                WriteEntry(timeline, ref timelineId, ordinal++, closed, registrar, "Оператор", "Operator", "Closed", "Звернення закрито", "Запропоновано до закриття", "Закрито", true, id);
                WriteEntry(timeline, ref timelineId, ordinal++, closed + step * 0.2, registrar, "Оператор", "Operator", "ApplicantConfirmed", "Заявник підтвердив виконання", null, null, false, id);
            }

            if ((n + 1) % 100_000 == 0)
            {
                checkpoint(n + 1);
            }
        }

        return counts;
    }

    /// <summary>The due date in force at <paramref name="closedAt"/> in the history written below: an extension set after the closure does not count.</summary>
    private static DateTimeOffset DueAtClosure(DateTimeOffset initialDue, DateTimeOffset due, int extensions, DateTimeOffset closedAt)
    {
        var dueAt = initialDue;
        var inForce = initialDue;
        for (var e = 0; e < extensions; e++)
        {
            var changedAt = dueAt.AddDays(-1);
            dueAt = e == extensions - 1 ? due : dueAt + TimeSpan.FromDays(15);
            if (changedAt <= closedAt)
            {
                inForce = dueAt;
            }
        }

        return inForce;
    }

    private static void WriteDueDate(BulkTable table, Guid id, DateTimeOffset changedAt, DateTimeOffset dueAt, string kind, string reason, Guid appealId)
    {
        table.Begin();
        table.Guid(id);
        table.Time(changedAt);
        table.Time(dueAt);
        table.Text(kind);
        table.Text(reason);
        table.Guid(appealId);
        table.End();
    }

    private static void WriteEntry(
        BulkTable table, ref long id, int ordinal, DateTimeOffset at, string actorId, string actorName, string role, string kind,
        string text, string? oldValue, string? newValue, bool isPublic, Guid appealId)
    {
        table.Begin();
        table.Guid(IdOf(Tag.Timeline, id++));
        table.Int(ordinal);
        table.Time(at);
        table.Text(actorId);
        table.Text(actorName);
        table.Text(role);
        table.Text(kind);
        table.Text(text);
        table.Text(oldValue);
        table.Text(newValue);
        table.Bool(isPublic);
        table.Null();
        table.Guid(appealId);
        table.End();
    }
}
