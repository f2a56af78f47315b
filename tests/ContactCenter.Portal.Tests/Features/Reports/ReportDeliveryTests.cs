using System.Text;
using ClosedXML.Excel;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Mail;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Infrastructure.Tests.Support;
using ContactCenter.Portal.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace ContactCenter.Portal.Tests.Features.Reports;

/// <summary>A built report reaches its recipient's mailbox through a real SMTP exchange, with the workbook attached.</summary>
public sealed class ReportDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDailyReport_GoesThroughSmtp_ToTheExecutorsHead_WithTheWorkbookAttached()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero));
        await using var smtp = new LoopbackSmtpServer();
        var run = new ReportRun(ReportKind.DailyCompliance, ReportingPeriod.Day(new DateOnly(2026, 11, 2), DeadlinePolicy.Kyiv), ReportScope.Executor(world.Cards.Water.Id));
        var built = await world.BuildAsync(run);
        var sender = new MailSender(world.Factory, new MailOptions("127.0.0.1", smtp.Port, false, null, null, "cc@rada.example.ua", "Контакт-Центр"), world.Clock, NullLogger<MailSender>.Instance, world.Get<ReportStore>());

        var sent = await sender.SendPendingAsync(cancellationToken: Ct);

        Assert.Equal(BuildOutcome.Built, built.Outcome);
        Assert.Equal(2, sent);
        var messages = new List<MimeMessage>();
        foreach (var raw in smtp.Messages)
        {
            messages.Add(await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw)), Ct));
        }

        var toHead = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "water-head@rada.example.ua");
        Assert.Equal("Щоденний звіт про виконання звернень: Водоканал, 02.11.2026", toHead.Subject);
        Assert.Contains("https://cc.rada.example.ua/reports", toHead.TextBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(toHead.Attachments));
        Assert.Equal("DailyCompliance-20261101.xlsx", attachment.FileName);
        Assert.Equal(ReportFile.Xlsx, attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Ct);
        content.Position = 0;
        using var workbook = new XLWorkbook(content);
        Assert.Equal("Щоденний звіт про виконання звернень", workbook.Worksheet(1).Cell(1, 1).GetString());
        await using var db = world.Db();
        Assert.All(await db.OutgoingMails.ToListAsync(Ct), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task ALetterWhoseReportFileIsGone_IsKeptWithAnError_AndTheOthersStillGo()
    {
        await using var world = await ReportsWorld.CreateAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero));
        await using var smtp = new LoopbackSmtpServer();
        await using (var db = world.Db())
        {
            db.OutgoingMails.Add(OutgoingMail.Create("a@rada.example.ua", "Звіт", "Текст", "report", null, world.Clock.GetUtcNow()).WithAttachment("звіт.xlsx", ReportFile.Xlsx, "2026/11/missing-1.xlsx"));
            db.OutgoingMails.Add(OutgoingMail.Create("b@rada.example.ua", "Лист", "Текст", "registration", null, world.Clock.GetUtcNow().AddSeconds(1)));
            await db.SaveChangesAsync(Ct);
        }

        var sender = new MailSender(world.Factory, new MailOptions("127.0.0.1", smtp.Port, false, null, null, "cc@rada.example.ua", "Контакт-Центр"), world.Clock, NullLogger<MailSender>.Instance, world.Get<ReportStore>());

        Assert.Equal(1, await sender.SendPendingAsync(cancellationToken: Ct));
        await using var check = world.Db();
        var missing = await check.OutgoingMails.SingleAsync(m => m.To == "a@rada.example.ua", Ct);
        Assert.Null(missing.SentAt);
        Assert.Contains("звіт.xlsx", missing.LastError);
    }
}
