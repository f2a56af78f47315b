using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Persistence.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Tests.Seed;

[Collection(SeedCollection.Name)]
public sealed class HistoryGeneratorTests : IDisposable
{
    private static readonly DateTimeOffset EndAt = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "cc-history-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_small_run_inserts_the_cards_asked_for_with_rich_timelines()
    {
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<SqliteContactCenterDbContext>().UseSqlite("Data Source=" + Path.Combine(folder, "history.db")).Options;
        await using (var db = new SqliteContactCenterDbContext(options))
        {
            await db.Database.MigrateAsync(Ct);
        }

        var reported = new Recorder();
        var result = await HistoryGenerator.GenerateAsync(
            () => new SqliteContactCenterDbContext(options),
            new GeneratorOptions { Years = 2_000 / 12_000.0, CardsPerYear = 12_000, Executors = 40, RandomSeed = 7, EndAt = EndAt, BatchSize = 500 },
            reported,
            Ct);

        await using var check = new SqliteContactCenterDbContext(options);
        var cards = await check.Appeals.CountAsync(Ct);
        var entries = await check.TimelineEntries.CountAsync(Ct);
        Assert.Equal(result.Cards, cards);
        Assert.Equal(cards, reported.Values[^1]);
        Assert.True(reported.Values.Count >= 4);
        Assert.InRange(cards, 1_700, 2_300);
        Assert.True(entries >= cards * 5, $"{entries} entries for {cards} cards");
        Assert.Equal(result.TimelineEntries, entries);
        Assert.True(await check.Executors.CountAsync(Ct) >= 40);
        Assert.True(result.OverdueAtEnd > 0);
        Assert.True(result.Repeats > 0);
        var max = await check.Appeals.MaxAsync(a => a.NumberSequence, Ct);
        Assert.Equal(max, await check.RegistrationCounters.Where(c => c.Year == 2026).Select(c => c.LastSequence).SingleAsync(Ct));
        Assert.True((await check.TimelineEntries.MaxAsync(e => e.At, Ct)) <= EndAt);
    }

    private sealed class Recorder : IProgress<int>
    {
        public List<int> Values { get; } = [];

        public void Report(int value) => Values.Add(value);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleanup.
        }
    }
}
