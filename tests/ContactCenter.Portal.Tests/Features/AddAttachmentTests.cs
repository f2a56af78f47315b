using System.Text;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace ContactCenter.Portal.Tests.Features;

public sealed class AddAttachmentTests
{
    private sealed class Arranged(TestDatabase database, Cards cards, string number, AttachmentStore store, AddAttachment handler) : IAsyncDisposable
    {
        public TestDatabase Database => database;

        public Cards Cards => cards;

        public string Number => number;

        public AttachmentStore Store => store;

        public AddAttachment Handler => handler;

        public string[] StoredFiles() =>
            Directory.Exists(store.Root) ? Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories) : [];

        public async ValueTask DisposeAsync()
        {
            await database.DisposeAsync();
            if (Directory.Exists(store.Root))
            {
                Directory.Delete(store.Root, recursive: true);
            }
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Arranged> ArrangeAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, int? maxPerCard = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var cards = new Cards();
        string number;
        await using (var db = database.CreateContext())
        {
            await cards.AddReferenceDataAsync(db);
            if (maxPerCard is { } max)
            {
                db.Settings.Add(new Setting { Key = WorkingCalendarStore.AttachmentsMaxPerCardKey, Value = max.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                await db.SaveChangesAsync(Ct);
            }

            number = (await CardStore.SaveNewAsync(db, cards.NewCard(), cards.Policy, Ct)).ToString();
        }

        var factory = database.Factory();
        var clock = new FakeTimeProvider(Cards.Now.AddHours(1));
        var root = Path.Combine(Path.GetTempPath(), "cc-files-tests", Guid.NewGuid().ToString("N"));
        var store = new AttachmentStore(new AttachmentStoreOptions(root), factory, clock, NullLogger<AttachmentStore>.Instance);
        var command = new CardCommand(factory, clock, NullLogger<CardCommand>.Instance);
        var handler = new AddAttachment(factory, store, command, NullLogger<AddAttachment>.Instance);
        return new Arranged(database, cards, number, store, handler);
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(320, 240, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static AddAttachmentCommand Upload(string number, byte[] content, string fileName = "труба після ремонту.jpg", int? seenVersion = null) =>
        new(number, seenVersion, new MemoryStream(content), fileName, content.Length, IsPublic: true);

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Handle_TheExecutorAttachesAPhoto_TheCardHasItAndTheFileIsStored(DatabaseProvider provider)
    {
        await using var arranged = await ArrangeAsync(provider);

        var result = await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo()), arranged.Cards.WaterStaff, Ct);

        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        await using var db = arranged.Database.CreateContext();
        var card = await CardStore.LoadAsync(db, arranged.Number, Ct);
        var attachment = Assert.Single(card!.Attachments);
        Assert.Equal(result.Value, attachment.Id);
        Assert.Equal("труба після ремонту.jpg", attachment.FileName);
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.True(attachment.IsPublic);
        Assert.Equal(arranged.Cards.WaterStaff.Id, attachment.UploadedById);
        Assert.Contains(card.Timeline, e => e.Kind == TimelineKind.AttachmentAdded && e.AttachmentId == attachment.Id);
        await using var stream = await arranged.Store.OpenReadAsync(attachment.StoredName);
        Assert.NotNull(stream);
        Assert.Equal(attachment.Size, stream.Length);
        Assert.Single(arranged.StoredFiles());
    }

    [Fact]
    public async Task Handle_StaffOfAnotherExecutor_IsToldNotFoundAndNoFileRemains()
    {
        await using var arranged = await ArrangeAsync();
        var roadsStaff = new Actor("r-1", "Працівник Благоустрою", Role.ExecutorResponsible, arranged.Cards.Roads.Id);

        var result = await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo()), roadsStaff, Ct);

        Assert.Equal(CardCommandErrors.NotFound, result.Error);
        Assert.Empty(arranged.StoredFiles());
        await using var db = arranged.Database.CreateContext();
        Assert.Equal(0, await db.Set<Attachment>().CountAsync(Ct));
    }

    [Fact]
    public async Task Handle_WhenTheCardRefusesAfterTheFileIsStored_TheFileIsRemoved()
    {
        await using var arranged = await ArrangeAsync();

        // A deputy may see the cards of their direction but does not work on them: the card itself refuses.
        var deputy = new Actor("d-1", "Заступник Тестовий", Role.Deputy, null, [arranged.Cards.Direction.Id]);
        var result = await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo()), deputy, Ct);

        Assert.Equal(AppealErrors.NotExecutorOfCard, result.Error);
        Assert.Empty(arranged.StoredFiles());
        await using var db = arranged.Database.CreateContext();
        Assert.Equal(0, await db.Set<Attachment>().CountAsync(Ct));
    }

    [Fact]
    public async Task Handle_OverTheCountLimit_IsRefusedWithTheLimitAndNothingStored()
    {
        await using var arranged = await ArrangeAsync(maxPerCard: 2);
        var staff = arranged.Cards.WaterStaff;
        Assert.True((await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo(), "1.jpg"), staff, Ct)).IsSuccess);
        Assert.True((await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo(), "2.jpg"), staff, Ct)).IsSuccess);

        var third = await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo(), "3.jpg"), staff, Ct);

        Assert.Equal("До картки можна додати не більше 2 файлів.", third.Error.Message);
        Assert.Equal(2, arranged.StoredFiles().Length);
        await using var db = arranged.Database.CreateContext();
        Assert.Equal(2, await db.Set<Attachment>().CountAsync(Ct));
    }

    [Fact]
    public async Task Handle_ARefusedFile_LeavesTheCardUnchanged()
    {
        await using var arranged = await ArrangeAsync();
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        var result = await arranged.Handler.HandleAsync(Upload(arranged.Number, html, "фото.jpg"), arranged.Cards.WaterStaff, Ct);

        Assert.Equal(FileErrors.TypeNotAccepted, result.Error);
        Assert.Empty(arranged.StoredFiles());
        await using var db = arranged.Database.CreateContext();
        var card = await CardStore.LoadAsync(db, arranged.Number, Ct);
        Assert.Empty(card!.Attachments);
        Assert.DoesNotContain(card.Timeline, e => e.Kind == TimelineKind.AttachmentAdded);
    }

    [Fact]
    public async Task Handle_ACardChangedSinceSeen_IsRefusedAsStaleAndNothingStored()
    {
        await using var arranged = await ArrangeAsync();
        int version;
        await using (var db = arranged.Database.CreateContext())
        {
            version = (await CardStore.LoadAsync(db, arranged.Number, Ct))!.Version;
        }

        var result = await arranged.Handler.HandleAsync(Upload(arranged.Number, Photo(), seenVersion: version + 1), arranged.Cards.WaterStaff, Ct);

        Assert.Equal(CardCommandErrors.Stale, result.Error);
        Assert.Empty(arranged.StoredFiles());
    }
}
