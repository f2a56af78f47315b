using System.Text;
using ContactCenter.Infrastructure.Mail;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ContactCenter.Infrastructure.Tests.Mail;

public sealed class MailSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task QueueAsync(TestDatabase database, params OutgoingMail[] letters)
    {
        await using var db = database.CreateContext();
        db.OutgoingMails.AddRange(letters);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task SendPending_ThroughARealSmtpServer_DeliversTheLetterInUkrainianAndMarksItSent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var smtp = new LoopbackSmtpServer();
        await QueueAsync(database, OutgoingMail.Create("maria@ukr.net", "Звернення № 2026-000123 зареєстровано", "Шановна Маріє Петрівно! Ваше звернення зареєстровано.", "registration", "2026-000123", Now));
        var sender = new MailSender(database.Factory(), new MailOptions("127.0.0.1", smtp.Port, false, null, null, "cc@rada.example.ua", "Контакт-Центр"), new FakeTimeProvider(Now.AddMinutes(1)), NullLogger<MailSender>.Instance);

        var sent = await sender.SendPendingAsync(cancellationToken: Ct);

        Assert.Equal(1, sent);
        var raw = Assert.Single(smtp.Messages);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw)), Ct);
        Assert.Equal("Звернення № 2026-000123 зареєстровано", message.Subject);
        Assert.Equal("maria@ukr.net", message.To.Mailboxes.Single().Address);
        Assert.Equal("Контакт-Центр", message.From.Mailboxes.Single().Name);
        Assert.Contains("Ваше звернення зареєстровано", message.TextBody);
        await using var db = database.CreateContext();
        var letter = await db.OutgoingMails.SingleAsync(Ct);
        Assert.Equal(Now.AddMinutes(1), letter.SentAt);
        Assert.Equal(0, await sender.SendPendingAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task SendPending_WhenTheServerRefusesAndWhenItIsDown_KeepsTheLettersForLater()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await QueueAsync(database, OutgoingMail.Create("nobody@ukr.net", "Лист", "Текст", "registration", null, Now));
        int port;
        await using (var refusing = new LoopbackSmtpServer(refuseRecipients: true))
        {
            port = refusing.Port;
            var sender = new MailSender(database.Factory(), new MailOptions("127.0.0.1", port, false, null, null, "cc@rada.example.ua", "Контакт-Центр"), new FakeTimeProvider(Now), NullLogger<MailSender>.Instance);
            Assert.Equal(0, await sender.SendPendingAsync(cancellationToken: Ct));
        }

        // The server is gone now: nothing is lost, the letter waits.
        var offline = new MailSender(database.Factory(), new MailOptions("127.0.0.1", port, false, null, null, "cc@rada.example.ua", "Контакт-Центр"), new FakeTimeProvider(Now), NullLogger<MailSender>.Instance);
        Assert.Equal(0, await offline.SendPendingAsync(cancellationToken: Ct));

        await using var db = database.CreateContext();
        var letter = await db.OutgoingMails.SingleAsync(Ct);
        Assert.Null(letter.SentAt);
        Assert.Equal(1, letter.Attempts);
        Assert.Contains("No such user", letter.LastError);
    }

    [Fact]
    public async Task SendPending_WithoutAnSmtpHost_SendsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await QueueAsync(database, OutgoingMail.Create("maria@ukr.net", "Лист", "Текст", "registration", null, Now));
        var sender = new MailSender(database.Factory(), new MailOptions(null, 25, false, null, null, "cc@rada.example.ua", "Контакт-Центр"), new FakeTimeProvider(Now), NullLogger<MailSender>.Instance);

        Assert.Equal(0, await sender.SendPendingAsync(cancellationToken: Ct));
        await using var db = database.CreateContext();
        Assert.Null((await db.OutgoingMails.SingleAsync(Ct)).SentAt);
    }
}
