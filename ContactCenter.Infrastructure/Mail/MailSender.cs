using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ContactCenter.Infrastructure.Mail;

/// <summary>SMTP settings (section <c>Mail</c>); without <c>Mail:Host</c> nothing is sent and letters wait in the table.</summary>
public sealed record MailOptions(string? Host, int Port, bool StartTls, string? User, string? Password, string From, string FromName)
{
    public const int MaxAttempts = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static MailOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Mail");
        return new MailOptions(
            section["Host"],
            int.TryParse(section["Port"], out var port) ? port : 25,
            bool.TryParse(section["StartTls"], out var tls) && tls,
            section["User"],
            section["Password"],
            section["From"] ?? "contact-center@localhost",
            section["FromName"] ?? "Контакт-Центр");
    }
}

/// <summary>Sends the letters waiting in <see cref="OutgoingMail"/>, oldest first; a failed letter is retried later.</summary>
/// <remarks>A letter's attachment (a report) is read from <paramref name="reports"/> as it is sent; without it, letters with attachments fail.</remarks>
public sealed class MailSender(IDbContextFactory<ContactCenterDbContext> dbFactory, MailOptions options, TimeProvider clock, ILogger<MailSender> logger, ReportStore? reports = null)
{
    /// <summary>Sends up to <paramref name="batch"/> letters; returns how many went out.</summary>
    public async Task<int> SendPendingAsync(int batch = 50, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var letters = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.Attempts < MailOptions.MaxAttempts)
            .OrderBy(m => m.CreatedAt)
            .Take(batch)
            .ToListAsync(cancellationToken);
        if (letters.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(options.Host!, options.Port, options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(options.User))
            {
                await smtp.AuthenticateAsync(options.User, options.Password ?? string.Empty, cancellationToken);
            }

            foreach (var letter in letters)
            {
                try
                {
                    var message = await ToMimeAsync(letter, cancellationToken);
                    if (message is null)
                    {
                        logger.LogError("The attachment {Stored} of letter {Letter} is missing", letter.AttachmentStoredName, letter.Id);
                        letter.MarkFailed($"Вкладення {letter.AttachmentFileName} не знайдено у сховищі звітів");
                        continue;
                    }

                    await smtp.SendAsync(message, cancellationToken);
                    letter.MarkSent(clock.GetUtcNow());
                    sent++;
                }
                catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ParseException)
                {
                    logger.LogWarning(e, "Letter {Letter} to {To} was not accepted", letter.Id, letter.To);
                    letter.MarkFailed(e.Message);
                }
            }

            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or AuthenticationException)
        {
            // The server is unreachable: the letters stay queued and are tried again on the next round.
            logger.LogWarning(e, "SMTP server {Host}:{Port} unavailable", options.Host, options.Port);
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>The letter as MIME; null when its attachment cannot be read.</summary>
    private async Task<MimeMessage?> ToMimeAsync(OutgoingMail letter, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(letter.To));
        message.Subject = letter.Subject;
        var text = new TextPart("plain") { Text = letter.Body };
        if (letter.AttachmentStoredName is null)
        {
            message.Body = text;
            return message;
        }

        await using var file = reports?.OpenRead(letter.AttachmentStoredName);
        if (file is null)
        {
            return null;
        }

        var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        var attachment = new MimePart(ContentType.Parse(letter.AttachmentContentType ?? "application/octet-stream"))
        {
            Content = new MimeContent(content),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = letter.AttachmentFileName,
        };
        message.Body = new Multipart("mixed") { text, attachment };
        return message;
    }
}

/// <summary>Sends queued letters every half minute while the portal runs, when SMTP is configured.</summary>
public sealed class MailDispatcher(MailSender sender, MailOptions options, TimeProvider clock, ILogger<MailDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Mail:Host is not set: letters are queued and not sent");
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await sender.SendPendingAsync(cancellationToken: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending letters failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
