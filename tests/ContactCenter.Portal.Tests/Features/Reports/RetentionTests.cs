using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Mail;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>§2.6: cards are kept five years after they are closed, then removed with everything of theirs.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2031, 6, 16, 1, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Retention_RemovesExactlyTheCardsClosedMoreThanFiveYearsAgo_WithTheirFilesTimelineAndLetters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var root = Path.Combine(Path.GetTempPath(), "cc-retention-" + Guid.NewGuid().ToString("N"));
        var cards = new Cards();
        var clock = new FakeTimeProvider(Now);
        var store = new AttachmentStore(new AttachmentStoreOptions(root), database.Factory(), clock, NullLogger<AttachmentStore>.Instance);
        try
        {
            await using (var db = database.CreateContext())
            {
                await cards.AddReferenceDataAsync(db);
            }

            var expired = await CardAsync(database, cards, root, "expired.pdf", closedAt: Now.AddYears(-5).AddDays(-1));
            var kept = await CardAsync(database, cards, root, "kept.pdf", closedAt: Now.AddYears(-5).AddDays(1));
            var open = await CardAsync(database, cards, root, "open.pdf", closedAt: null);
            var retention = new RemoveExpiredCards(database.Factory(), store, clock, NullLogger<RemoveExpiredCards>.Instance);

            var run = await retention.RunAsync(Ct);
            var again = await retention.RunAsync(Ct);

            Assert.Equal(1, run.CardsRemoved);
            Assert.Equal(1, run.FilesRemoved);
            Assert.Equal(Now.AddYears(-5), run.ClosedBefore);
            Assert.Equal(0, again.CardsRemoved);
            Assert.False(File.Exists(Path.Combine(root, "expired.pdf")));
            Assert.True(File.Exists(Path.Combine(root, "kept.pdf")));
            Assert.True(File.Exists(Path.Combine(root, "open.pdf")));
            await using var check = database.CreateContext();
            Assert.Equal(new[] { kept, open }.Order(), (await check.Appeals.Select(a => a.Id).ToListAsync(Ct)).Order());
            Assert.Equal(0, await check.TimelineEntries.CountAsync(e => EF.Property<Guid>(e, "AppealId") == expired, Ct));
            Assert.True(await check.TimelineEntries.AnyAsync(e => EF.Property<Guid>(e, "AppealId") == kept, Ct));
            Assert.Equal(2, await check.Set<Attachment>().CountAsync(Ct));
            Assert.Equal(2, await check.OutgoingMails.CountAsync(Ct));
            Assert.Equal([1, 0], (await check.RetentionRuns.OrderBy(r => r.RanAt).ThenByDescending(r => r.CardsRemoved).Select(r => r.CardsRemoved).ToListAsync(Ct)));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>A card registered six years before <see cref="Now"/> with a stored file and a letter about it, closed when given.</summary>
    private static async Task<Guid> CardAsync(TestDatabase database, Cards cards, string root, string file, DateTimeOffset? closedAt)
    {
        Directory.CreateDirectory(root);
        await File.WriteAllBytesAsync(Path.Combine(root, file), "%PDF-1.4\n%%EOF\n"u8.ToArray(), Ct);
        var registeredAt = Now.AddYears(-6).AddDays(file.Length);
        var card = cards.NewCard(registeredAt, phone: $"06712345{file.Length:00}");
        card.AddAttachment(cards.WaterStaff, registeredAt.AddHours(1), new AttachmentInfo(file, "application/pdf", 15, file));
        await using var db = database.CreateContext();
        var number = await CardStore.SaveNewAsync(db, card, cards.Policy, Ct);
        db.OutgoingMails.Add(OutgoingMail.Create("maria@ukr.net", "Звернення зареєстровано", "Текст", "registration", number.ToString(), registeredAt));
        await db.SaveChangesAsync(Ct);
        if (closedAt is { } closed)
        {
            await db.Appeals.Where(a => a.Id == card.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClosedAt, (DateTimeOffset?)closed).SetProperty(a => a.Status, AppealStatus.Closed), Ct);
        }

        return card.Id;
    }
}
