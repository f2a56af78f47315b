using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Public;

/// <summary>What the confirmation page shows: the card's number, problem, result and what was done.</summary>
public sealed record ConfirmationView(
    string Number,
    string ProblemName,
    string ProblemAddress,
    AppealStatus Status,
    AppealResult? Result,
    string? Resolution,
    bool? ConfirmedByApplicant,
    DateTimeOffset? AnsweredAt)
{
    public bool IsAnswered => AnsweredAt is not null;

    public bool CanAnswer => Status == AppealStatus.Closed && AnsweredAt is null;
}

public static class ConfirmationErrors
{
    public static readonly Error NotFound = new("Public.ConfirmationNotFound", "Посилання недійсне: перевірте, чи скопійовано його з листа повністю.");
}

/// <summary>
/// §4.1: the applicant, by the secret link from the letter, confirms the work was done or says it was not
/// (<see cref="Appeal.AnswerByApplicant"/>); "not done" returns the card to work under the Department's control.
/// </summary>
public sealed class AnswerConfirmation(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, ILogger<AnswerConfirmation> logger)
{
    public async Task<ConfirmationView?> ViewAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Appeals.AsNoTracking()
            .Where(a => a.AccessToken == token)
            .Select(a => new ConfirmationView(
                a.Number!,
                db.ClassifierProblems.Where(p => p.Id == a.ProblemId).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
                a.ProblemAddress,
                a.Status,
                a.Result,
                a.Resolution,
                a.ConfirmedByApplicant,
                a.ApplicantAnsweredAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Result> HandleAsync(string? token, bool done, string? comment, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(token))
        {
            return ConfirmationErrors.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = await db.Appeals.AsNoTracking().Where(a => a.AccessToken == token).Select(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        var card = number is null ? null : await CardStore.LoadAsync(db, number, cancellationToken);
        if (card is null)
        {
            return ConfirmationErrors.NotFound;
        }

        var answered = card.AnswerByApplicant(Actor.Applicant(card.Applicant.FullName), clock.GetUtcNow(), done, comment);
        if (answered.IsFailure)
        {
            return answered;
        }

        var saved = await CardStore.SaveChangesAsync(db, cancellationToken);
        if (saved.IsFailure)
        {
            // Another change landed meanwhile (e.g. a second answer): the applicant tries again and sees the card as it is now.
            return saved;
        }

        logger.LogInformation("Applicant answered on {Number}: {Done}", number, done ? "done" : "not done");
        return Result.Success();
    }

    // The token is 32 hex characters (Appeal.NewAccessToken); anything else is not looked up.
    private static bool IsWellFormed(string? token) => token is { Length: >= 16 and <= 128 } && token.All(char.IsAsciiLetterOrDigit);
}
