using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Open311;

/// <summary>One service of GET services: an active problem of the classifier.</summary>
public sealed record Open311Service(string Code, string Name, string? Description, string Keywords, string Group);

/// <summary>
/// One service request as the public sees it: the problem, where, who handles it, its state and dates. It carries no
/// personal data of the applicant (Law art. 10), and no essence when the applicant asked for confidentiality.
/// </summary>
public sealed record Open311Request(
    Guid Id,
    string Number,
    bool IsClosed,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string? Description,
    string AgencyResponsible,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset ExpectedAt,
    string Address,
    double? Latitude,
    double? Longitude);

/// <summary>The filters of GET requests (GeoReport v2), already parsed.</summary>
public sealed record Open311RequestFilter(
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> ServiceCodes,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool? Closed)
{
    /// <summary>The spec's default window when no dates are given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    /// <summary>The spec's upper bound on the number of requests in one answer.</summary>
    public const int MaxResults = 1000;

    /// <summary>Parses the query string; the errors name each malformed parameter.</summary>
    public static (Open311RequestFilter? Filter, IReadOnlyList<Error> Errors) Parse(
        string? serviceRequestId, string? serviceCode, string? startDate, string? endDate, string? status)
    {
        var errors = new List<Error>();
        var start = ParseDate(startDate, Open311Errors.StartDateInvalid, errors);
        var end = ParseDate(endDate, Open311Errors.EndDateInvalid, errors);
        if (start is { } s && end is { } e && s > e)
        {
            errors.Add(Open311Errors.DatesReversed);
        }

        bool? closed = null;
        var statuses = Split(status);
        if (statuses.Any(x => x is not ("open" or "closed")))
        {
            errors.Add(Open311Errors.StatusInvalid);
        }
        else if (statuses.Distinct().Count() == 1)
        {
            closed = statuses[0] == "closed";
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Open311RequestFilter(Split(serviceRequestId), Split(serviceCode), start, end, closed), errors);
    }

    private static List<string> Split(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => x.ToLowerInvariant() is "open" or "closed" ? x.ToLowerInvariant() : x)
            .ToList();

    private static DateTimeOffset? ParseDate(string? text, Error error, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        errors.Add(error);
        return null;
    }
}

/// <summary>The read side of the API: services, requests, tokens. Read-only queries into DTOs (design decision 4).</summary>
public sealed class Open311Queries(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    private static readonly AppealStatus[] Terminal = Enum.GetValues<AppealStatus>().Where(s => s.IsTerminal()).ToArray();

    public async Task<IReadOnlyList<Open311Service>> GetServicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from p in db.ClassifierProblems.AsNoTracking()
                join s in db.ClassifierSections.AsNoTracking() on p.SectionId equals s.Id
                where p.IsActive
                orderby p.Code
                select new Open311Service(p.Code, p.Name, p.Description, p.Keywords, s.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The active problem with this code, or null.</summary>
    public async Task<Open311Service?> GetServiceAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from p in db.ClassifierProblems.AsNoTracking()
                join s in db.ClassifierSections.AsNoTracking() on p.SectionId equals s.Id
                where p.IsActive && p.Code == code
                select new Open311Service(p.Code, p.Name, p.Description, p.Keywords, s.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Open311Request>> GetRequestsAsync(Open311RequestFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appeals = db.Appeals.AsNoTracking().Where(a => a.Number != null);
        if (filter.Numbers.Count > 0)
        {
            // The spec: service_request_id overrides every other argument.
            var numbers = filter.Numbers.ToList();
            appeals = appeals.Where(a => numbers.Contains(a.Number!));
        }
        else
        {
            var end = filter.End;
            var start = filter.Start ?? (end ?? clock.GetUtcNow()) - Open311RequestFilter.DefaultWindow;
            appeals = appeals.Where(a => a.RegisteredAt >= start);
            if (end is { } until)
            {
                appeals = appeals.Where(a => a.RegisteredAt <= until);
            }

            if (filter.ServiceCodes.Count > 0)
            {
                var codes = filter.ServiceCodes.ToList();
                var problemIds = db.ClassifierProblems.Where(p => codes.Contains(p.Code)).Select(p => p.Id);
                appeals = appeals.Where(a => problemIds.Contains(a.ProblemId));
            }

            if (filter.Closed is { } closed)
            {
                appeals = closed ? appeals.Where(a => Terminal.Contains(a.Status)) : appeals.Where(a => !Terminal.Contains(a.Status));
            }
        }

        var rows = await Project(db, appeals.OrderByDescending(a => a.NumberYear).ThenByDescending(a => a.NumberSequence).Take(Open311RequestFilter.MaxResults))
            .ToListAsync(cancellationToken);
        return rows.Select(ToRequest).ToList();
    }

    public async Task<Open311Request?> GetRequestAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(db, db.Appeals.AsNoTracking().Where(a => a.Number == number)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToRequest(row);
    }

    /// <summary>The registration number behind a token (the card's id), or null.</summary>
    public async Task<string?> GetNumberByTokenAsync(Guid token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Appeals.AsNoTracking().Where(a => a.Id == token).Select(a => a.Number).FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record Row(
        Guid Id,
        string Number,
        AppealStatus Status,
        string? Resolution,
        string Essence,
        bool IsConfidential,
        string ServiceName,
        string ServiceCode,
        string Executor,
        DateTimeOffset RegisteredAt,
        DateTimeOffset DueAt,
        DateTimeOffset? ClosedAt,
        string Address,
        double? Latitude,
        double? Longitude,
        string? LatestPublicComment,
        DateTimeOffset? LatestChange);

    // Only the columns the public may see are read: the applicant's columns never leave the database here.
    private static IQueryable<Row> Project(ContactCenterDbContext db, IQueryable<Appeal> appeals) =>
        from a in appeals
        join p in db.ClassifierProblems on a.ProblemId equals p.Id
        join e in db.Executors on a.ExecutorId equals e.Id
        select new Row(
            a.Id,
            a.Number!,
            a.Status,
            a.Resolution,
            a.Essence,
            a.IsConfidential,
            p.Name,
            p.Code,
            e.Name,
            a.RegisteredAt,
            a.DueAt,
            a.ClosedAt,
            a.ProblemAddress,
            a.Latitude,
            a.Longitude,
            a.Timeline.Where(t => t.IsPublic && t.Kind == TimelineKind.Comment).OrderByDescending(t => t.Ordinal).Select(t => t.Text).FirstOrDefault(),
            a.Timeline.OrderByDescending(t => t.Ordinal).Select(t => (DateTimeOffset?)t.At).FirstOrDefault());

    private static Open311Request ToRequest(Row r)
    {
        var closed = r.Status.IsTerminal();
        var notes = closed && !string.IsNullOrWhiteSpace(r.Resolution) ? r.Resolution : r.LatestPublicComment;
        var updated = new[] { r.RegisteredAt, r.ClosedAt ?? r.RegisteredAt, r.LatestChange ?? r.RegisteredAt }.Max();
        return new Open311Request(
            r.Id,
            r.Number,
            closed,
            notes,
            r.ServiceName,
            r.ServiceCode,
            r.IsConfidential ? null : r.Essence,
            r.Executor,
            r.RegisteredAt,
            updated,
            r.DueAt,
            r.Address,
            r.Latitude,
            r.Longitude);
    }
}
