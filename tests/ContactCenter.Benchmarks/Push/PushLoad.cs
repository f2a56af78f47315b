using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ContactCenter.Benchmarks.Hosting;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Organisation;
using ContactCenter.Portal.Features.Intake;
using ContactCenter.Portal.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace ContactCenter.Benchmarks.Push;

/// <summary>A message of the bare hub: what was sent, to which groups, and when the send call started.</summary>
public sealed record BareMessage(long Id, IReadOnlyList<string> Groups, long SentAt, bool Measured);

/// <summary>
/// The load: at a mean rate, a card registered through the portal's own use case for a random executor, and halfway
/// to the next card the same kind of message for the same executor sent through the bare hub. Both sides get the same
/// executors in the same order; the offset keeps them from competing for the CPU at the same instant.
/// </summary>
public sealed class PushLoad(Organisation organisation, RegisterAppeal register, IHubContext<BareHub> bare, TimeProvider clock)
{
    private readonly ConcurrentBag<string> warmupNumbers = [];
    private readonly ConcurrentBag<BareMessage> bareMessages = [];
    private readonly ConcurrentBag<string> failures = [];
    private int registered;

    /// <summary>Registration numbers of the warm-up cards: their events are left out of the figures.</summary>
    public IReadOnlyCollection<string> WarmupNumbers => warmupNumbers;

    public IReadOnlyCollection<BareMessage> BareMessages => bareMessages;

    public IReadOnlyCollection<string> Failures => failures;

    public int Registered => registered;

    public async Task RunAsync(int rate, int warmup, int measured, CancellationToken cancellationToken)
    {
        // A fixed seed: every run and both sides send to the same executors at the same moments.
        var random = new Random(360);

        // Poisson arrivals at the given mean rate, as independent operators produce them. A strictly periodic load
        // would lock into a fixed phase with anything periodic in the server (a polling loop) and measure that phase
        // instead of the latency.
        var count = warmup + measured;
        var arrivals = new long[count + 1];
        var at = Stopwatch.GetTimestamp() + Stopwatch.Frequency / rate;
        for (var i = 0; i <= count; i++)
        {
            arrivals[i] = at;
            at += (long)(-Math.Log(1 - random.NextDouble()) / rate * Stopwatch.Frequency);
        }

        var pending = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var executor = organisation.Executors[random.Next(organisation.Executors.Count)];
            var isMeasured = i >= warmup;

            // Not awaited: a slow registration must not delay the next one (operators do not wait for each other).
            await DelayUntilAsync(arrivals[i], cancellationToken);
            pending.Add(RegisterAsync(i, executor, isMeasured, cancellationToken));
            await DelayUntilAsync((arrivals[i] + arrivals[i + 1]) / 2, cancellationToken);
            pending.Add(SendBareAsync(i + 1, executor, isMeasured, cancellationToken));
        }

        await Task.WhenAll(pending);
    }

    private async Task RegisterAsync(int index, Executor executor, bool isMeasured, CancellationToken cancellationToken)
    {
        // A different phone each time: the same phone and problem would link the cards as repeats (§4.1), which is
        // another path than a plain registration.
        var phone = "067" + (1_000_000 + index).ToString(CultureInfo.InvariantCulture);
        var appeal = new NewAppeal(Channel.Phone, new Applicant("Іваненко", "Марія", "Петрівна", "вул. Соборна, 1", phone, null), "Немає води з ранку", "вул. Соборна, 1");
        try
        {
            var result = await register.HandleAsync(new RegisterAppealCommand(appeal, organisation.ProblemOf[executor.Id]), organisation.Registrar, cancellationToken);
            if (!result.IsSuccess)
            {
                failures.Add(string.Join("; ", result.Errors.Select(e => e.Code)));
                return;
            }

            Interlocked.Increment(ref registered);
            if (!isMeasured)
            {
                warmupNumbers.Add(result.RegistrationNumber!);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add(e.GetType().Name + ": " + e.Message);
        }
    }

    private async Task SendBareAsync(long id, Executor executor, bool isMeasured, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var change = new CardEvent(id, $"{now.Year}-{id:000000}", nameof(AppealChangeKind.Registered), executor.Id, null, executor.DirectionId, now.AddDays(10), nameof(AppealStatus.Registered), now);
        IReadOnlyList<string> groups = [CardsHub.DepartmentGroup, CardsHub.ExecutorGroup(executor.Id), CardsHub.DirectionGroup(executor.DirectionId)];
        var sentAt = Stopwatch.GetTimestamp();
        bareMessages.Add(new BareMessage(id, groups, sentAt, isMeasured));
        await bare.Clients.Groups(groups).SendAsync(CardsHub.CardChanged, change, cancellationToken);
    }

    private static async Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
