using System.Collections.Concurrent;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Persistence;

public static class PersistenceErrors
{
    /// <summary>The second of two concurrent edits: told, and nothing of the first is lost.</summary>
    public static readonly Error Conflict = new(
        "Persistence.Conflict",
        "Картку щойно змінив інший користувач. Ваші зміни не збережено: оновіть картку, перегляньте зміни та повторіть дію.");
}

/// <summary>Saving cards: the two things the database, not the domain, must guarantee.</summary>
public static class CardStore
{
    /// <summary>
    /// Saves a newly registered card with the next registration number of its (Kyiv-local) year in one transaction:
    /// either the card exists with a unique number, or neither does (§2.2: the number is given to the applicant only
    /// after registration is complete).
    /// </summary>
    /// <param name="beforeSave">Adds what must be written in the same transaction once the card has its number (a letter to the applicant).</param>
    public static async Task<RegistrationNumber> SaveNewAsync(ContactCenterDbContext db, Appeal appeal, DeadlinePolicy policy, CancellationToken cancellationToken = default, Action<Appeal>? beforeSave = null)
    {
        var year = policy.LocalDate(appeal.RegisteredAt).Year;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // SQLite has one writer at a time. Registrations on one file take turns in the process, in the order they came,
            // waiting without holding a thread; left to SQLite's lock, each retries on its own and some wait for seconds
            // while later ones get through (docs/performance.md, "Registration and soak").
            var turn = db.Database.GetDbConnection() is SqliteConnection sqlite
                ? SqliteRegistrations.GetOrAdd(sqlite.DataSource, _ => new SemaphoreSlim(1, 1))
                : null;
            if (turn is not null)
            {
                await turn.WaitAsync(ct);
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var number = await RegistrationNumbers.NextAsync(db, year, ct);
                var assigned = appeal.AssignNumber(number);
                if (assigned.IsFailure)
                {
                    throw new InvalidOperationException(assigned.Error.Message);
                }

                db.Appeals.Add(appeal);
                beforeSave?.Invoke(appeal);

                // A save inside a transaction is wrapped in a savepoint by default, so that a failed save leaves the
                // transaction usable: two more round trips while the counter row is locked. Nothing here goes on after
                // a failed save — the whole transaction rolls back (and the execution strategy may run it again).
                db.Database.AutoSavepointsEnabled = false;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return number;
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
                turn?.Release();
            }
        }, cancellationToken);
    }

    /// <summary>One turn per SQLite file (tests and the harness open several files in one process).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteRegistrations = new(StringComparer.Ordinal);

    /// <summary>Saves changes to loaded cards; a concurrent edit of the same card gives <see cref="PersistenceErrors.Conflict"/>.</summary>
    public static async Task<Result> SaveChangesAsync(ContactCenterDbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return PersistenceErrors.Conflict;
        }
    }

    /// <summary>Loads a card with everything the card page and the transitions need.</summary>
    public static Task<Appeal?> LoadAsync(ContactCenterDbContext db, string registrationNumber, CancellationToken cancellationToken = default) =>
        db.Appeals
            .Include(a => a.Timeline)
            .Include(a => a.Performers)
            .Include(a => a.Attachments)
            .Include(a => a.Requests)
            .Include(a => a.DueDates)
            .Include(a => a.Redirects)
            .Include(a => a.Checks)
            .Include(a => a.RepairLinks)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Number == registrationNumber, cancellationToken);
}
