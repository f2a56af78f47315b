namespace ContactCenter.Infrastructure.Mail;

/// <summary>
/// A letter waiting to go out (the registration number to a web applicant, the confirmation link, reports). Letters
/// are written to this table in the same transaction as the change that causes them and sent by a background job when
/// SMTP is configured, so none is lost when the mail server is down.
/// </summary>
public sealed class OutgoingMail
{
    private OutgoingMail()
    {
        To = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    /// <summary>Plain text body.</summary>
    public string Body { get; private set; }

    /// <summary>What the letter is about (e.g. "registration", "confirmation"), for the administrator's log.</summary>
    public string Kind { get; private set; }

    /// <summary>The card the letter is about, if any.</summary>
    public string? RegistrationNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The attached file's name as the recipient sees it (a report workbook); null for a letter without one.</summary>
    public string? AttachmentFileName { get; private set; }

    public string? AttachmentContentType { get; private set; }

    /// <summary>The attached file inside the reports folder: files stay out of the database, the letter only points at one.</summary>
    public string? AttachmentStoredName { get; private set; }

    public static OutgoingMail Create(string to, string subject, string body, string kind, string? registrationNumber, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        To = to.Trim(),
        Subject = subject,
        Body = body,
        Kind = kind,
        RegistrationNumber = registrationNumber,
        CreatedAt = now,
    };

    /// <summary>Attaches a stored report file; it is read from the reports folder when the letter is sent.</summary>
    public OutgoingMail WithAttachment(string fileName, string contentType, string storedName)
    {
        AttachmentFileName = fileName;
        AttachmentContentType = contentType;
        AttachmentStoredName = storedName;
        return this;
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}
