using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using ContactCenter.Domain.RepairWorks;
using ContactCenter.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// The one model of the system. Each database provider has a subclass with its own migrations
/// (EF Core, "Migrations with multiple providers"); code always works with this base type.
/// </summary>
public abstract class ContactCenterDbContext : IdentityDbContext<PortalUser>
{
    protected ContactCenterDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<Direction> Directions => Set<Direction>();

    public DbSet<Executor> Executors => Set<Executor>();

    public DbSet<Territory> Territories => Set<Territory>();

    public DbSet<ClassifierSection> ClassifierSections => Set<ClassifierSection>();

    public DbSet<ClassifierProblem> ClassifierProblems => Set<ClassifierProblem>();

    public DbSet<RepairWork> RepairWorks => Set<RepairWork>();

    public DbSet<ApplicantBlock> ApplicantBlocks => Set<ApplicantBlock>();

    public DbSet<RegistrationRefusal> RegistrationRefusals => Set<RegistrationRefusal>();

    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<RegistrationCounter> RegistrationCounters => Set<RegistrationCounter>();

    public DbSet<Api.ApiKey> ApiKeys => Set<Api.ApiKey>();

    public DbSet<Mail.OutgoingMail> OutgoingMails => Set<Mail.OutgoingMail>();

    public DbSet<Events.OutboxEvent> OutboxEvents => Set<Events.OutboxEvent>();

    public DbSet<Reporting.ArchivedReport> Reports => Set<Reporting.ArchivedReport>();

    public DbSet<Reporting.ReportRecipient> ReportRecipients => Set<Reporting.ReportRecipient>();

    public DbSet<Reporting.RetentionRun> RetentionRuns => Set<Reporting.RetentionRun>();

    public DbSet<Reporting.ClosedMonth> ClosedMonths => Set<Reporting.ClosedMonth>();

    public DbSet<Reporting.ClosedMonthFigures> ClosedMonthFigures => Set<Reporting.ClosedMonthFigures>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// Every save writes the cards' events to the outbox in the same transaction (design decision 6): a change and its
    /// live event are committed together or not at all. The events leave the cards only once the save succeeded.
    /// <para>
    /// The changes are detected once, here: every look at the tracked entries (the outbox's, the interceptors') would
    /// otherwise compare every tracked entity with its snapshot again, and so would the save itself: much of a
    /// registration's save (docs/performance.md, "Registration throughput"). Nothing changes an entity in between.
    /// </para>
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detectedOnce = DetectChangesOnce();
        var cards = WriteOutbox();
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        cards.ForEach(c => c.ClearDomainEvents());
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detectedOnce = DetectChangesOnce();
        var cards = WriteOutbox();
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        cards.ForEach(c => c.ClearDomainEvents());
        return written;
    }

    /// <summary>Detects the changes now and turns automatic detection off until the save is over (disposed).</summary>
    private AutoDetectRestore DetectChangesOnce()
    {
        var enabled = ChangeTracker.AutoDetectChangesEnabled;
        if (enabled)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return new AutoDetectRestore(ChangeTracker, enabled);
    }

    private readonly struct AutoDetectRestore(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool enabled) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = enabled;
    }

    private List<Appeal> WriteOutbox()
    {
        var cards = ChangeTracker.Entries<Appeal>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        foreach (var card in cards)
        {
            // A retried save (a conflict, a transient fault) must not write the same events twice.
            foreach (var stale in ChangeTracker.Entries<Events.OutboxEvent>().Where(e => e.State == EntityState.Added && e.Entity.AppealId == card.Id).ToList())
            {
                stale.State = EntityState.Detached;
            }

            foreach (var change in card.DomainEvents.OfType<AppealChanged>())
            {
                Set<Events.OutboxEvent>().Add(Events.OutboxEvent.From(change, card));
            }
        }

        return cards;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ContactCenterDbContext).Assembly);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>A day of the working calendar (days off, holidays, transferred working days): data, not code.</summary>
public sealed class CalendarDayRow
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>A setting the administrator changes at run time (at-risk window, blocked mail domains, working hours…).</summary>
public sealed class Setting
{
    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}

/// <summary>The last registration number given in a year; the row is locked while a number is taken.</summary>
public sealed class RegistrationCounter
{
    public int Year { get; set; }

    public long LastSequence { get; set; }
}
