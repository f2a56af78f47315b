using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// Fills an empty database with a realistic hromada for demonstration and first runs: Pyriatyn with its starosta
/// districts, directions, executors, classifier, working calendar, demo users, four months of cards produced through
/// the domain, and repair works.
/// </summary>
public static class DemoSeed
{
    public const string BlockedMailDomains = "mail.ru,yandex.ru,rambler.ru,list.ru,bk.ru,inbox.ru,yandex.ua,ya.ru";

    /// <summary>Months of card history before <c>now</c>.</summary>
    public const int HistoryMonths = 4;

    /// <summary>Cards a year in a town of Pyriatyn's size (about 45 a working day).</summary>
    public const int CardsPerYear = 12_000;

    /// <summary>Seeds an empty database; returns false and changes nothing when any executor exists.</summary>
    public const string DemoOpen311Key = "demo-open311-key";

    public static async Task<bool> SeedAsync(ContactCenterDbContext db, UserManager<PortalUser> users, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        if (await db.Executors.AnyAsync(cancellationToken))
        {
            return false;
        }

        var hromada = PyriatynHromada.Create();
        var (sections, problems) = PyriatynClassifier.Build(hromada);
        db.Territories.AddRange(hromada.Territories);
        db.Directions.AddRange(hromada.Directions);
        db.Executors.AddRange(hromada.Executors);
        db.ClassifierSections.AddRange(sections);
        db.ClassifierProblems.AddRange(problems);
        AddCalendar(db, now);
        AddSettings(db);
        await db.SaveChangesAsync(cancellationToken);

        var water = hromada["vodokanal"];
        var people = await DemoUsers.CreateAsync(users, water.Id);
        var housing = hromada.DirectionOf(PyriatynHromada.Housing);
        housing.AssignDeputy(people.Deputy.FullName, people.Deputy.Id);
        await db.SaveChangesAsync(cancellationToken);

        var waterResponsible = new Actor(people.Executor.Id, people.Executor.FullName, Role.ExecutorResponsible, water.Id);
        var staff = new Dictionary<Guid, ExecutorStaff>
        {
            [water.Id] = new(waterResponsible, [new Performer(people.Performer.Id, people.Performer.FullName, water.Id), new Performer("performer-water-2", "Ткаченко Микола Степанович", water.Id)]),
        };
        var options = new GeneratorOptions
        {
            StartAt = now.AddMonths(-HistoryMonths),
            EndAt = now,
            CardsPerYear = CardsPerYear,
            RandomSeed = 360,
            EnsureEveryStatus = true,
            Actors = new HistoryActors(new Actor(people.Operator.Id, people.Operator.FullName, Role.Operator), people.Mayor.FullName, staff),
        };
        db.ChangeTracker.Clear();
        await HistoryGenerator.GenerateAsync(db, options, null, cancellationToken);

        db.RepairWorks.AddRange(DemoRepairWorks.Create(hromada, waterResponsible, now));

        // The Open311 key a demonstration client uses (README); real keys are issued by the administrator.
        db.ApiKeys.Add(Api.ApiKey.Issue("Демонстраційний клієнт Open311", DemoOpen311Key, now, "Система"));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static void AddCalendar(ContactCenterDbContext db, DateTimeOffset now)
    {
        var year = TimeZoneInfo.ConvertTime(now, DeadlinePolicy.Kyiv).Year;
        for (var y = year - 1; y <= year + 1; y++)
        {
            db.CalendarDays.AddRange(WorkingCalendar.UkrainianHolidays(y).Select(d => new CalendarDayRow { Date = d.Date, Kind = d.Kind, Name = d.Name }));
        }
    }

    private static void AddSettings(ContactCenterDbContext db)
    {
        db.Settings.AddRange(
            new Setting { Key = WorkingCalendarStore.HolidaysAreDaysOffKey, Value = "false" },
            new Setting { Key = WorkingCalendarStore.AtRiskHoursKey, Value = "24" },
            new Setting { Key = WorkingCalendarStore.BlockedMailDomainsKey, Value = BlockedMailDomains },
            new Setting { Key = WorkingCalendarStore.RepeatWindowDaysKey, Value = RepeatWindowDays.ToString(CultureInfo.InvariantCulture) },
            new Setting { Key = WorkingCalendarStore.ReportsTimeZoneKey, Value = "Europe/Kyiv" });
    }

    private const int RepeatWindowDays = 90;
}
