using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Common;
using ContactCenter.Infrastructure.Api;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Open311;

/// <summary>
/// The arguments of POST requests (GeoReport v2, form-encoded). Law art. 5 also needs the patronymic and the residence
/// address, which the spec has no field for: they come as <c>attribute[patronymic]</c> and <c>attribute[residence]</c>.
/// </summary>
public sealed record PostServiceRequestCommand(
    string? ApiKey,
    string? ServiceCode,
    string? Latitude,
    string? Longitude,
    string? AddressString,
    string? Email,
    string? DeviceId,
    string? AccountId,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Description,
    string? MediaUrl,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const string PatronymicAttribute = "patronymic";
    public const string ResidenceAttribute = "residence";

    public static PostServiceRequestCommand FromForm(IFormCollection form)
    {
        string? Get(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("attribute[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                attributes[key["attribute[".Length..^1]] = value.ToString();
            }
        }

        return new PostServiceRequestCommand(
            Get("api_key"), Get("service_code"), Get("lat"), Get("long"), Get("address_string"), Get("email"), Get("device_id"),
            Get("account_id"), Get("first_name"), Get("last_name"), Get("phone"), Get("description"), Get("media_url"), attributes);
    }

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A registered request (its number and what to tell the citizen), or the HTTP status and every reason.</summary>
public sealed record PostServiceRequestResult(string? Number, string? Notice, int StatusCode, IReadOnlyList<Error> Errors)
{
    public bool IsSuccess => Number is not null;

    public static PostServiceRequestResult Fail(int statusCode, params IEnumerable<Error> errors) => new(null, null, statusCode, errors.ToList());
}

/// <summary>
/// POST requests: checks the key, maps the GeoReport fields onto the card (Channel.Api, registered by the system) and
/// hands it to <see cref="RegisterAppeal"/>, which routes it, sets the due date and gives the number. Every missing or
/// malformed field is reported at once; nothing is saved when anything is wrong.
/// </summary>
public sealed class PostServiceRequest(IDbContextFactory<ContactCenterDbContext> dbFactory, ReferenceData references, RegisterAppeal register, ILogger<PostServiceRequest> logger)
{
    public async Task<PostServiceRequestResult> HandleAsync(PostServiceRequestCommand command, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keyName = await FindKeyAsync(db, references, command.ApiKey, cancellationToken);
        if (keyName is null)
        {
            logger.LogWarning("Open311 request refused: missing, unknown or revoked api_key");
            return PostServiceRequestResult.Fail(StatusCodes.Status403Forbidden, Open311Errors.ApiKeyInvalid);
        }

        var errors = new List<Error>();
        var (latitude, longitude) = ParseLocation(command, errors);
        var address = Text(command.AddressString)
            ?? (latitude is { } lat && longitude is { } lon ? string.Create(CultureInfo.InvariantCulture, $"Координати {lat:0.######}, {lon:0.######}") : string.Empty);
        var applicant = new Applicant(
            Text(command.LastName) ?? string.Empty,
            Text(command.FirstName) ?? string.Empty,
            Text(command.Attribute(PostServiceRequestCommand.PatronymicAttribute)) ?? string.Empty,
            Text(command.Attribute(PostServiceRequestCommand.ResidenceAttribute)) ?? string.Empty,
            Text(command.Phone),
            Text(command.Email));
        var appeal = new NewAppeal(Channel.Api, applicant, Text(command.Description) ?? string.Empty, address, Latitude: latitude, Longitude: longitude);

        // The card's own rules are checked here too, so a missing service_code is reported with everything else.
        errors.AddRange(applicant.Validate(Channel.Api));
        if (applicant.Phone is null)
        {
            errors.Add(Open311Errors.PhoneRequired);
        }

        if (string.IsNullOrWhiteSpace(appeal.Essence))
        {
            errors.Add(AppealErrors.EssenceRequired);
        }

        if (string.IsNullOrWhiteSpace(appeal.ProblemAddress))
        {
            errors.Add(AppealErrors.ProblemAddressRequired);
        }

        var code = Text(command.ServiceCode);
        Guid? problemId = null;
        if (code is null)
        {
            errors.Insert(0, IntakeUseCaseErrors.ProblemRequired);
        }
        else
        {
            problemId = await references.ActiveProblemIdAsync(db, code, cancellationToken);
            if (problemId is null)
            {
                return PostServiceRequestResult.Fail(StatusCodes.Status404NotFound, Open311Errors.ServiceNotFound);
            }
        }

        if (errors.Count > 0)
        {
            return PostServiceRequestResult.Fail(StatusCodes.Status400BadRequest, errors.DistinctBy(e => e.Code));
        }

        var registered = await register.HandleAsync(new RegisterAppealCommand(appeal, problemId!.Value), Actor.System, cancellationToken);
        if (!registered.IsSuccess)
        {
            return PostServiceRequestResult.Fail(StatusCodes.Status400BadRequest, registered.Errors);
        }

        logger.LogInformation("Open311 request {Number} filed with key {Key}", registered.RegistrationNumber, keyName);
        var due = TimeZoneInfo.ConvertTime(registered.DueAt!.Value, Domain.Deadlines.DeadlinePolicy.Kyiv);
        var notice = string.Create(
            CultureInfo.InvariantCulture,
            $"Звернення зареєстровано за № {registered.RegistrationNumber}. Виконавець: {registered.ExecutorName}. Строк виконання — до {due:dd.MM.yyyy HH:mm}.");
        return new PostServiceRequestResult(registered.RegistrationNumber, notice, StatusCodes.Status200OK, []);
    }

    /// <summary>The name of the active key with this value, or null (a revoked key: at once here, within <see cref="ReferenceData.Expiry"/> on other instances).</summary>
    public static async Task<string?> FindKeyAsync(ContactCenterDbContext db, ReferenceData references, string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        return await references.ApiKeyNameAsync(db, ApiKey.Hash(key.Trim()), cancellationToken);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static (double? Latitude, double? Longitude) ParseLocation(PostServiceRequestCommand command, List<Error> errors)
    {
        var latText = Text(command.Latitude);
        var longText = Text(command.Longitude);
        if (latText is null && longText is null)
        {
            return (null, null);
        }

        if (double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180)
        {
            return (lat, lon);
        }

        errors.Add(Open311Errors.LocationInvalid);
        return (null, null);
    }
}
