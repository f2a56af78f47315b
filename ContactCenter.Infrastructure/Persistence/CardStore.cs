using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
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
    /// <para>
    /// Registrations on one database are written in turns. The cards that arrive while a turn is being written wait, and
    /// the first of them then writes them all in one transaction: their numbers in one statement, in the order they came,
    /// one commit. Each card's numbering locks the year's counter (PostgreSQL's row lock, SQLite's one writer) until
    /// the commit, so cards written one by one queue on that lock however many processors there are; written together,
    /// a turn holds it once for all of them (docs/performance.md, "Registration throughput"). Each caller is answered
    /// only after the commit that holds its card. A card the database refuses does not cost the others theirs: the turn
    /// is rolled back and each of its cards is written again alone, and only the refused one fails. A turn whose save went
    /// through but whose commit failed is not written again: its cards' live events went with the rolled-back save, so
    /// each of its callers is told of the failure.
    /// </para>
    /// <para>
    /// A failed save leaves <paramref name="db"/> with nothing tracked: the card's number went back with the rollback.
    /// </para>
    /// </summary>
    /// <param name="alongside">What must be written in the same transaction once the card has its number (a letter to the applicant).</param>
    public static async Task<RegistrationNumber> SaveNewAsync(ContactCenterDbContext db, Appeal appeal, DeadlinePolicy policy, CancellationToken cancellationToken = default, Func<Appeal, object?>? alongside = null)
    {
        if (appeal.Number is not null)
        {
            throw new InvalidOperationException(AppealErrors.NumberAlreadyAssigned.Message);
        }

        var turns = TurnsOf(db);
        var pending = new PendingRegistration(appeal, policy.LocalDate(appeal.RegisteredAt).Year, alongside);
        if (!turns.LeadOrWait(pending))
        {
            // Written by whoever leads the next turn, or told to lead it.
            using (cancellationToken.Register(() => turns.Withdraw(pending, cancellationToken)))
            {
                if (await pending.Signal)
                {
                    return pending.Result();
                }
            }
        }

        try
        {
            var batch = turns.Take(pending);
            await WriteAsync(db, batch, batch.Count == 1 ? cancellationToken : CancellationToken.None);
        }
        finally
        {
            turns.HandOver();
        }

        // Not the signal: a caller told to lead has had its signal already, and its own card's outcome is only here.
        return pending.Result();
    }

    /// <summary>One turn's cards, written together; if that fails, each alone, so that only the ones refused fail.</summary>
    private static async Task WriteAsync(ContactCenterDbContext db, IReadOnlyList<PendingRegistration> batch, CancellationToken cancellationToken)
    {
        Exception batchFailure;
        try
        {
            await WriteTogetherAsync(db, batch, cancellationToken);
            foreach (var pending in batch)
            {
                pending.Written();
            }

            return;
        }
        catch (Exception failure) when (batch.Count == 1)
        {
            batch[0].Fail(failure);
            return;
        }
        catch (Exception failure)
        {
            // Which card the database refused is not said in a form to act on: each is tried alone.
            batchFailure = failure;
        }

        foreach (var pending in batch)
        {
            // Saved but not committed (the commit failed): the save took the card's live events into outbox rows that
            // rolled back, so written again it would have none. Its caller is told of the failure instead.
            if (pending.Saved)
            {
                pending.Fail(batchFailure);
                continue;
            }

            try
            {
                await WriteTogetherAsync(db, [pending], cancellationToken);
                pending.Written();
            }
            catch (Exception failure)
            {
                pending.Fail(failure);
            }
        }
    }

    private static async Task WriteTogetherAsync(ContactCenterDbContext db, IReadOnlyList<PendingRegistration> batch, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            if (batch.Any(p => p.Saved))
            {
                throw new InvalidOperationException("A registration saved without its commit cannot be written again: its live events went with the rolled-back save.");
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var year in batch.GroupBy(p => p.Year))
                {
                    var numbers = await RegistrationNumbers.TakeAsync(db, year.Key, year.Count(), ct);
                    foreach (var (pending, number) in year.Zip(numbers))
                    {
                        var assigned = pending.Appeal.AssignNumber(number);
                        if (assigned.IsFailure)
                        {
                            throw new InvalidOperationException(assigned.Error.Message);
                        }
                    }
                }

                foreach (var pending in batch)
                {
                    db.Appeals.Add(pending.Appeal);
                    if (pending.Alongside?.Invoke(pending.Appeal) is { } companion)
                    {
                        db.Add(companion);
                    }
                }

                // A save inside a transaction is wrapped in a savepoint by default, so that a failed save leaves the
                // transaction usable: two more round trips while the counter row is locked. Nothing here goes on after
                // a failed save — the whole transaction rolls back (and the execution strategy may run it again).
                db.Database.AutoSavepointsEnabled = false;
                await db.SaveChangesAsync(ct);
                foreach (var pending in batch)
                {
                    pending.Saved = true;
                }

                await transaction.CommitAsync(ct);
            }
            catch
            {
                // Rolled back: the numbers went back to the counter (§2.2), and the cards leave the context, to be written
                // again (by the execution strategy, or one by one) or given up.
                foreach (var pending in batch)
                {
                    pending.Appeal.WithdrawNumber();
                }

                db.ChangeTracker.Clear();
                throw;
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }, cancellationToken);
    }

    /// <summary>How many registrations on the database of <paramref name="db"/> wait in this process for the next turn.</summary>
    public static int WaitingRegistrations(ContactCenterDbContext db) => TurnsOf(db).Waiting;

    private static RegistrationTurns TurnsOf(ContactCenterDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return Turns.GetOrAdd($"{db.Provider}|{connection.DataSource}|{connection.Database}", _ => new RegistrationTurns());
    }

    /// <summary>The turns of each database (tests and the harness open several in one process).</summary>
    private static readonly ConcurrentDictionary<string, RegistrationTurns> Turns = new(StringComparer.Ordinal);

    /// <summary>How many cards one turn writes at most: one transaction's worth, well under any provider's parameter limit.</summary>
    internal const int MaxCardsPerTurn = 32;

    private sealed class PendingRegistration(Appeal appeal, int year, Func<Appeal, object?>? alongside)
    {
        private readonly TaskCompletionSource<bool> signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private RegistrationNumber? number;
        private ExceptionDispatchInfo? failure;

        public Appeal Appeal => appeal;

        public int Year => year;

        public Func<Appeal, object?>? Alongside => alongside;

        /// <summary>Saved in a transaction (its domain events consumed into outbox rows), whether or not that committed.</summary>
        public bool Saved { get; set; }

        /// <summary>For a waiting caller: true once its card is written, false when it is to lead the next turn, its failure otherwise.</summary>
        public Task<bool> Signal => signal.Task;

        /// <summary>The card's committed number, or its failure thrown.</summary>
        public RegistrationNumber Result()
        {
            failure?.Throw();
            return number ?? throw new InvalidOperationException("The registration was neither written nor refused.");
        }

        /// <summary>Committed: the number is taken now, as the commit left it.</summary>
        public void Written()
        {
            number = new RegistrationNumber(appeal.NumberYear, appeal.NumberSequence);
            signal.TrySetResult(true);
        }

        public void Lead() => signal.TrySetResult(false);

        public void Fail(Exception exception)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
            signal.TrySetException(exception);
        }

        public void Cancel(CancellationToken cancellationToken) => signal.TrySetCanceled(cancellationToken);
    }

    /// <summary>Who writes now, and the cards waiting for the next turn, in the order they came.</summary>
    private sealed class RegistrationTurns
    {
        private readonly Lock gate = new();
        private readonly List<PendingRegistration> waiting = [];
        private bool writing;

        public int Waiting
        {
            get
            {
                lock (gate)
                {
                    return waiting.Count;
                }
            }
        }

        /// <summary>True: nobody is writing, and the caller leads the next turn; false: it waits in the queue.</summary>
        public bool LeadOrWait(PendingRegistration pending)
        {
            lock (gate)
            {
                if (!writing)
                {
                    writing = true;
                    return true;
                }

                waiting.Add(pending);
                return false;
            }
        }

        /// <summary>The leader's card and as many of the waiting ones as one turn takes.</summary>
        public List<PendingRegistration> Take(PendingRegistration leader)
        {
            lock (gate)
            {
                var count = Math.Min(waiting.Count, MaxCardsPerTurn - 1);
                List<PendingRegistration> batch = [leader, .. waiting.Take(count)];
                waiting.RemoveRange(0, count);
                return batch;
            }
        }

        /// <summary>The turn is over: the first waiting caller leads the next one, or nobody is writing.</summary>
        public void HandOver()
        {
            lock (gate)
            {
                if (waiting.Count > 0)
                {
                    var next = waiting[0];
                    waiting.RemoveAt(0);
                    next.Lead();
                }
                else
                {
                    writing = false;
                }
            }
        }

        /// <summary>A caller that gave up before its turn came is taken out of the queue (not once its card is being written).</summary>
        public void Withdraw(PendingRegistration pending, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (waiting.Remove(pending))
                {
                    pending.Cancel(cancellationToken);
                }
            }
        }
    }

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
