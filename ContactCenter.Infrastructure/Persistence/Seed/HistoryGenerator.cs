using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence.Seed;

/// <summary>
/// Generates a history of appeals through the domain — <see cref="Appeal.Register"/> and the transitions of the
/// regulation, each dated later than the one before and never after <see cref="GeneratorOptions.EndAt"/> — and inserts
/// it in batches. Used by the demo seed (months of a town) and by benchmarks (years of a city).
/// </summary>
public static partial class HistoryGenerator
{
    public static async Task<HistoryResult> GenerateAsync(IDbContextFactory<ContactCenterDbContext> factory, GeneratorOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await GenerateAsync(db, options, progress, cancellationToken);
    }

    public static async Task<HistoryResult> GenerateAsync(Func<ContactCenterDbContext> createContext, GeneratorOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        await using var db = createContext();
        return await GenerateAsync(db, options, progress, cancellationToken);
    }

    /// <summary>Generates into the given context; its change tracker is cleared after every batch.</summary>
    public static async Task<HistoryResult> GenerateAsync(ContactCenterDbContext db, GeneratorOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CardsPerYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);

        var random = new Random(options.RandomSeed);
        await EnsureReferenceDataAsync(db, options, random, cancellationToken);

        var executors = await db.Executors.AsNoTracking().Where(e => e.IsActive).ToListAsync(cancellationToken);
        var territories = await db.Territories.AsNoTracking().ToListAsync(cancellationToken);
        var problems = await db.ClassifierProblems.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken);
        var policy = await WorkingCalendarStore.GetPolicyAsync(db, cancellationToken);
        var blocked = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.BlockedMailDomainsKey, cancellationToken);
        var windowDays = await WorkingCalendarStore.GetSettingAsync(db, WorkingCalendarStore.RepeatWindowDaysKey, cancellationToken);
        var counters = await db.RegistrationCounters.AsNoTracking().ToDictionaryAsync(c => c.Year, c => c.LastSequence, cancellationToken);

        var world = new World(
            executors,
            territories,
            problems,
            policy,
            new IntakeScreen([], (blocked ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            int.TryParse(windowDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days > 0 ? TimeSpan.FromDays(days) : RepeatDetector.DefaultWindow,
            options.Actors,
            new Random(options.RandomSeed ^ 0x5EED));

        var end = options.EndAt.ToUniversalTime();
        var start = (options.StartAt ?? end.AddDays(-365.25 * options.Years)).ToUniversalTime();
        var perWorkingDay = options.CardsPerYear / 264.0;

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new List<Appeal>(options.BatchSize);
        var stats = new Stats();
        var showcaseFrom = options.EnsureEveryStatus ? end.AddDays(-3) : DateTimeOffset.MaxValue;
        var waitingReturn = false;
        var waitingForward = false;
        try
        {
            for (var day = policy.LocalDate(start); day <= policy.LocalDate(end); day = day.AddDays(1))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var at in RegistrationTimes(random, policy, day, perWorkingDay, start, end))
                {
                    var showcase = at.Time < showcaseFrom ? Showcase.None
                        : !waitingReturn && at.Channel == Channel.Web ? Showcase.AwaitingReturn
                        : !waitingForward && at.Channel == Channel.Phone ? Showcase.AwaitingForwarding
                        : Showcase.None;
                    var appeal = world.Play(random, at.Time, at.Channel, end, showcase);
                    waitingReturn |= appeal.Status == AppealStatus.ToBeReturned;
                    waitingForward |= appeal.Status == AppealStatus.ToBeForwarded;
                    var year = policy.LocalDate(appeal.RegisteredAt).Year;
                    var sequence = counters.GetValueOrDefault(year) + 1;
                    counters[year] = sequence;
                    Check(appeal.AssignNumber(new RegistrationNumber(year, sequence)), "number");
                    world.Remember(appeal);
                    appeal.ClearDomainEvents();
                    stats.Count(appeal, end);
                    batch.Add(appeal);
                    if (batch.Count >= options.BatchSize)
                    {
                        await SaveAsync(db, batch, cancellationToken);
                        progress?.Report(stats.Cards);
                    }
                }
            }

            await SaveAsync(db, batch, cancellationToken);
            await SaveCountersAsync(db, counters, cancellationToken);
            progress?.Report(stats.Cards);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return stats.ToResult();
    }

    private static async Task SaveAsync(ContactCenterDbContext db, List<Appeal> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        db.Appeals.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static async Task SaveCountersAsync(ContactCenterDbContext db, Dictionary<int, long> counters, CancellationToken cancellationToken)
    {
        var existing = await db.RegistrationCounters.ToDictionaryAsync(c => c.Year, cancellationToken);
        foreach (var (year, last) in counters)
        {
            if (existing.TryGetValue(year, out var row))
            {
                row.LastSequence = Math.Max(row.LastSequence, last);
                db.Entry(row).State = EntityState.Modified;
            }
            else
            {
                db.RegistrationCounters.Add(new RegistrationCounter { Year = year, LastSequence = last });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Phone calls in working hours on working days, the web form at any time, a little on weekends.</summary>
    private static IEnumerable<(DateTimeOffset Time, Channel Channel)> RegistrationTimes(Random random, DeadlinePolicy policy, DateOnly day, double perWorkingDay, DateTimeOffset start, DateTimeOffset end)
    {
        var working = policy.Calendar.IsWorkingDay(day);
        var mean = perWorkingDay * (working ? 1.0 : 0.12) * (0.8 + (0.4 * random.NextDouble()));
        var count = (int)Math.Round(mean);
        var times = new List<(DateTimeOffset, Channel)>(count);
        for (var i = 0; i < count; i++)
        {
            var web = !working || random.Next(100) < 22;
            var minutes = web ? random.Next(6 * 60, 23 * 60) : random.Next(8 * 60, (17 * 60) + 15);
            if (!web && minutes is >= 12 * 60 and < 13 * 60)
            {
                minutes += 60;
            }

            var time = Local(policy, day, minutes).AddSeconds(random.Next(60));
            if (time >= start && time <= end)
            {
                times.Add((time, web ? Channel.Web : Channel.Phone));
            }
        }

        times.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return times;
    }

    internal static DateTimeOffset Local(DeadlinePolicy policy, DateOnly day, int minutes)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        var offset = policy.Zone.IsInvalidTime(local) ? policy.Zone.GetUtcOffset(local.AddHours(-2)) : policy.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    internal static void Check(Result result, string what)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException($"Generated history: {what} failed with {result.Error.Code}");
        }
    }

    internal static T Check<T>(Result<T> result, string what)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException($"Generated history: {what} failed with {result.Error.Code}");
        }

        return result.Value;
    }

    /// <summary>Adds synthetic directions, executors, problems and a territory when the database has fewer than asked for.</summary>
    private static async Task EnsureReferenceDataAsync(ContactCenterDbContext db, GeneratorOptions options, Random random, CancellationToken cancellationToken)
    {
        var executorCount = await db.Executors.CountAsync(e => e.IsActive, cancellationToken);
        var problemCount = await db.ClassifierProblems.CountAsync(p => p.IsActive, cancellationToken);
        var wanted = Math.Max(options.Executors, problemCount == 0 ? 1 : 0);
        if (!await db.Territories.AnyAsync(cancellationToken))
        {
            db.Territories.Add(new Territory(Guid.NewGuid(), "Місто", TerritoryKind.City, ["Місто"]));
        }

        var missing = wanted - executorCount;
        if (missing > 0)
        {
            var directions = await db.Directions.Select(d => d.Id).ToListAsync(cancellationToken);
            var newDirections = Math.Max(directions.Count == 0 ? 1 : 0, missing / 300);
            var firstDirection = directions.Count + 1;
            for (var i = 0; i < newDirections; i++)
            {
                var direction = new Direction(Guid.NewGuid(), $"Напрямок № {firstDirection + i}", DemoPeople.FullName(random));
                db.Directions.Add(direction);
                directions.Add(direction.Id);
            }

            var section = new ClassifierSection(Guid.NewGuid(), "99", "Питання виконавців (згенеровано)");
            db.ClassifierSections.Add(section);
            var codes = (await db.ClassifierProblems.Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var terms = new[] { NormativeTerm.Days(3), NormativeTerm.Days(5), NormativeTerm.Days(10), NormativeTerm.Days(15), NormativeTerm.Hours(8) };
            var number = executorCount;
            for (var i = 0; i < missing; i++)
            {
                number++;
                var executor = new Executor(
                    Guid.NewGuid(),
                    string.Create(CultureInfo.InvariantCulture, $"Виконавець № {number}"),
                    string.Create(CultureInfo.InvariantCulture, $"Виконавець {number}"),
                    (ExecutorKind)(i % 4),
                    directions[i % directions.Count],
                    DemoPeople.FullName(random),
                    string.Create(CultureInfo.InvariantCulture, $"executor{number}@{PyriatynHromada.MailDomain}"));
                db.Executors.Add(executor);
                var code = string.Create(CultureInfo.InvariantCulture, $"99.{number:D5}");
                if (codes.Add(code))
                {
                    db.ClassifierProblems.Add(new ClassifierProblem(Guid.NewGuid(), code, $"Питання виконавця № {number}", section.Id, executor.Id, terms[i % terms.Length], i % 11 == 0, "згенеровано"));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private enum Showcase
    {
        None,
        AwaitingReturn,
        AwaitingForwarding,
    }

    private sealed class Stats
    {
        private readonly Dictionary<AppealStatus, int> byStatus = [];
        private long timeline;
        private int overdue;
        private int ser;
        private int extended;
        private int repeats;

        public int Cards { get; private set; }

        public void Count(Appeal appeal, DateTimeOffset end)
        {
            Cards++;
            timeline += appeal.Timeline.Count;
            byStatus[appeal.Status] = byStatus.GetValueOrDefault(appeal.Status) + 1;
            overdue += appeal.IsOverdueAt(end) ? 1 : 0;
            ser += appeal.IsInSerPlan ? 1 : 0;
            extended += appeal.ExtensionCount > 0 ? 1 : 0;
            repeats += appeal.RepeatOfId is null ? 0 : 1;
        }

        public HistoryResult ToResult() => new(Cards, timeline, byStatus, overdue, ser, extended, repeats);
    }
}
