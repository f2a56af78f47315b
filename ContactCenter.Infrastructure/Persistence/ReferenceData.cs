using System.Runtime.CompilerServices;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Infrastructure.Persistence;

/// <summary>
/// What every registration reads and only the administrator (or, for blocked applicants, the Department) changes —
/// the working calendar, the settings, the territories, the classifier's problems, the executors, the API keys and
/// the applicants blocked (§2.5) — kept in memory on this instance
/// (docs/performance.md, "Registration throughput"). Read from the database, they were most of a registration's
/// commands and of its processor time.
/// <para>
/// A change saved on this instance (any save of those tables through the portal's contexts) takes effect on the next
/// read here: <see cref="ReferenceDataChanges"/> sees the save and the next read loads again. A change saved by another
/// instance is read here at most <see cref="Expiry"/> later, when the copy expires (the database is the only shared
/// state, design decision 6).
/// </para>
/// The values handed out are shared between threads: they are read-only to their users (the domain reads a problem,
/// an executor and the calendar; it never changes them during a registration) and never attached to a context.
/// </summary>
public sealed class ReferenceData(ReferenceDataChanges changes, TimeProvider clock)
{
    /// <summary>How long a copy serves before it is read again: how late another instance's change may be seen here.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    private readonly Cached<DeadlinePolicy> policy = new(WorkingCalendarStore.GetPolicyAsync);
    private readonly Cached<IReadOnlyDictionary<string, string>> settings = new(async (db, ct) =>
        await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, ct));

    private readonly Cached<IReadOnlyList<Territory>> territories = new(async (db, ct) =>
        await db.Territories.AsNoTracking().ToListAsync(ct));

    private readonly Cached<Problems> problems = new(async (db, ct) =>
    {
        var all = await db.ClassifierProblems.AsNoTracking().ToListAsync(ct);
        return new Problems(
            all.ToDictionary(p => p.Id),
            all.Where(p => p.IsActive).GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal));
    });

    private readonly Cached<IReadOnlyDictionary<Guid, Executor>> executors = new(async (db, ct) =>
        await db.Executors.AsNoTracking().ToDictionaryAsync(e => e.Id, ct));

    private readonly Cached<IReadOnlyList<ApplicantBlock>> blocks = new(async (db, ct) =>
        await db.ApplicantBlocks.AsNoTracking().Where(b => b.LiftedAt == null).ToListAsync(ct));

    private readonly Cached<IReadOnlyDictionary<string, string>> apiKeys = new(async (db, ct) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToDictionaryAsync(k => k.KeyHash, k => k.Name, StringComparer.Ordinal, ct));

    /// <summary>The deadline policy of the working calendar (<see cref="WorkingCalendarStore.GetPolicyAsync(ContactCenterDbContext, CancellationToken)"/>).</summary>
    public ValueTask<DeadlinePolicy> PolicyAsync(ContactCenterDbContext db, CancellationToken cancellationToken = default) =>
        Get(policy, db, cancellationToken);

    /// <summary>A setting's value, or null when the administrator never set it.</summary>
    public async ValueTask<string?> SettingAsync(ContactCenterDbContext db, string key, CancellationToken cancellationToken = default) =>
        (await Get(settings, db, cancellationToken)).GetValueOrDefault(key);

    public ValueTask<IReadOnlyList<Territory>> TerritoriesAsync(ContactCenterDbContext db, CancellationToken cancellationToken = default) =>
        Get(territories, db, cancellationToken);

    /// <summary>A problem of the classifier, active or not (the domain decides what an inactive one means), or null.</summary>
    public async ValueTask<ClassifierProblem?> ProblemAsync(ContactCenterDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        (await Get(problems, db, cancellationToken)).ById.GetValueOrDefault(id);

    /// <summary>The active problem with this code (an Open311 service_code), or null.</summary>
    public async ValueTask<Guid?> ActiveProblemIdAsync(ContactCenterDbContext db, string code, CancellationToken cancellationToken = default) =>
        (await Get(problems, db, cancellationToken)).ActiveByCode.TryGetValue(code, out var id) ? id : null;

    public async ValueTask<Executor?> ExecutorAsync(ContactCenterDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        (await Get(executors, db, cancellationToken)).GetValueOrDefault(id);

    /// <summary>The name of the unrevoked API key with this hash (<see cref="Api.ApiKey.Hash"/>), or null.</summary>
    public async ValueTask<string?> ApiKeyNameAsync(ContactCenterDbContext db, string keyHash, CancellationToken cancellationToken = default) =>
        (await Get(apiKeys, db, cancellationToken)).GetValueOrDefault(keyHash);

    /// <summary>The blocks not lifted of this phone or e-mail (both as <see cref="Domain.Appeals.Applicant.Normalized"/> gives them).</summary>
    public async ValueTask<IReadOnlyList<ApplicantBlock>> ActiveBlocksAsync(ContactCenterDbContext db, string? phone, string? email, CancellationToken cancellationToken = default)
    {
        var all = await Get(blocks, db, cancellationToken);
        return all.Count == 0 || (phone is null && email is null)
            ? []
            : all.Where(b => (phone != null && b.Phone == phone) || (email != null && b.Email == email)).ToList();
    }

    private ValueTask<T> Get<T>(Cached<T> cached, ContactCenterDbContext db, CancellationToken cancellationToken) =>
        cached.GetAsync(db, changes.Generation, clock.GetTimestamp(), clock, cancellationToken);

    private sealed record Problems(IReadOnlyDictionary<Guid, ClassifierProblem> ById, IReadOnlyDictionary<string, Guid> ActiveByCode);

    /// <summary>One table's copy: served while no change was seen here and it is younger than <see cref="Expiry"/>.</summary>
    private sealed class Cached<T>(Func<ContactCenterDbContext, CancellationToken, Task<T>> load)
    {
        private readonly SemaphoreSlim loading = new(1, 1);
        private volatile Copy? current;

        public async ValueTask<T> GetAsync(ContactCenterDbContext db, long generation, long now, TimeProvider clock, CancellationToken cancellationToken)
        {
            if (Fresh(current, generation, now, clock) is { } value)
            {
                return value.Value;
            }

            // One caller reads the table; the others wait for its copy instead of all reading it at once.
            await loading.WaitAsync(cancellationToken);
            try
            {
                if (Fresh(current, generation, clock.GetTimestamp(), clock) is { } loaded)
                {
                    return loaded.Value;
                }

                // The generation and the time are taken before the read: a change committed during the read leaves this
                // copy already stale here, and the expiry counts from the oldest moment the rows can be from.
                var startedAt = clock.GetTimestamp();
                var read = await load(db, cancellationToken);
                current = new Copy(read, generation, startedAt);
                return read;
            }
            finally
            {
                loading.Release();
            }
        }

        private static Copy? Fresh(Copy? copy, long generation, long now, TimeProvider clock) =>
            copy is not null && copy.Generation >= generation && clock.GetElapsedTime(copy.LoadedAt, now) < Expiry ? copy : null;

        private sealed record Copy(T Value, long Generation, long LoadedAt);
    }
}

/// <summary>
/// Sees saves of the reference data <see cref="ReferenceData"/> keeps (through the contexts this instance opens) and
/// counts them, so that the next read after a committed change loads again. A save inside an explicit transaction
/// counts when the transaction commits: counted earlier, a read in between would load the old rows as new.
/// </summary>
public sealed class ReferenceDataChanges : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Watched =
    [
        typeof(CalendarDayRow), typeof(Setting), typeof(Territory), typeof(ClassifierProblem), typeof(TerritoryRoute),
        typeof(ClassifierSection), typeof(Executor), typeof(Direction), typeof(Api.ApiKey), typeof(ApplicantBlock),
    ];

    /// <summary>Contexts that saved reference data inside a transaction not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> pending = [];
    private long generation;

    /// <summary>Goes up after every committed change of the reference data on this instance.</summary>
    public long Generation => Interlocked.Read(ref generation);

    private void Changed() => Interlocked.Increment(ref generation);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Inspect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inspect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private void Inspect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(entry.Metadata.ClrType))
            {
                pending.AddOrUpdate(context, this);
                return;
            }
        }
    }

    // Outside a transaction the save has committed when it returns; inside one, the commit (or the rollback) decides.
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && pending.Remove(context))
        {
            Changed();
        }
    }

    // A rolled-back change counts too: the copy may have been read between the save and the rollback. One more read.
    private void Ended(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            Changed();
        }
    }
}
