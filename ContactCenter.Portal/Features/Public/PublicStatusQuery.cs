using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Public;

public sealed record PublicTimelineLine(DateTimeOffset At, string Text);

/// <summary>What the applicant may see of their own card: no names of people, no contacts.</summary>
public sealed record PublicCardStatus(
    string Number,
    DateTimeOffset RegisteredAt,
    string ProblemName,
    string ProblemAddress,
    AppealStatus Status,
    string ExecutorName,
    DateTimeOffset DueAt,
    AppealResult? Result,
    string? Resolution,
    IReadOnlyList<PublicTimelineLine> Timeline)
{
    public string StatusText => AppealNames.Of(Status);

    public string? ResultText => Result is { } result ? AppealNames.Of(result) : null;
}

/// <summary>
/// The public status page: a card is found only when both its registration number and the applicant's phone match;
/// anything else is "not found", the same for a number that does not exist and for a wrong phone.
/// </summary>
public sealed class PublicStatusQuery(IDbContextFactory<ContactCenterDbContext> dbFactory)
{
    public const string NotFoundMessage = "Звернення з таким номером і телефоном не знайдено";

    public async Task<PublicCardStatus?> FindAsync(string? number, string? phone, CancellationToken cancellationToken = default)
    {
        var wantedNumber = number?.Trim().TrimStart('№').Trim();
        var wantedPhone = PhoneNumber.Normalize(phone);
        if (string.IsNullOrEmpty(wantedNumber) || wantedPhone is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var card = await db.Appeals.AsNoTracking()
            .Where(a => a.Number == wantedNumber && a.Phone == wantedPhone)
            .Select(a => new
            {
                a.Id,
                a.Number,
                a.RegisteredAt,
                ProblemName = db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault(),
                a.ProblemAddress,
                a.Status,
                ExecutorName = db.Executors.Where(e => e.Id == a.ExecutorId).Select(e => e.Name).FirstOrDefault(),
                a.DueAt,
                a.Result,
                a.Resolution,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (card is null)
        {
            return null;
        }

        var lines = await db.TimelineEntries.AsNoTracking()
            .Where(t => EF.Property<Guid>(t, "AppealId") == card.Id && t.IsPublic)
            .OrderBy(t => t.Ordinal)
            .Select(t => new PublicTimelineLine(t.At, t.Text))
            .ToListAsync(cancellationToken);
        return new PublicCardStatus(
            card.Number!,
            card.RegisteredAt,
            card.ProblemName ?? string.Empty,
            card.ProblemAddress,
            card.Status,
            card.ExecutorName ?? string.Empty,
            card.DueAt,
            card.Result,
            card.Status == AppealStatus.Closed ? card.Resolution : null,
            lines);
    }
}
