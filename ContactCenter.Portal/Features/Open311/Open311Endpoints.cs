using System.Globalization;
using System.Threading.RateLimiting;
using ContactCenter.Portal.Features.Admin;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Portal.Features.Open311;

/// <summary>Settings of the Open311 API (section "Open311" of the configuration).</summary>
public sealed class Open311Options
{
    /// <summary>POST requests allowed per minute for one api_key (or client address).</summary>
    public int PermitsPerMinute { get; set; } = 30;

    /// <summary>Who answers questions about the API (discovery's contact).</summary>
    public string Contact { get; set; } = "Контакт-Центр громади: загальний відділ та інформаційного забезпечення.";

    /// <summary>How a client gets a key (discovery's key_service).</summary>
    public string KeyService { get; set; } = "Ключ API видає адміністратор Контакт-Центру (розділ «Адміністрування → Ключі API»).";
}

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c>: discovery, services, service definitions, requests (read and file),
/// tokens. Every resource answers as <c>.json</c> or <c>.xml</c>; errors are the spec's list of code and description.
/// </summary>
public static class Open311Endpoints
{
    public const string BasePath = "/open311/v2";
    public const string RateLimitPolicy = "open311";
    public const string Changeset = "2026-03-01T00:00:00+02:00";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>What the spec has no field for: told to clients in discovery and in every service's description.</summary>
    public const string AttributesNote =
        "Закон «Про звернення громадян» (ст. 5) вимагає по батькові та місце проживання заявника: передайте їх як attribute[patronymic] і attribute[residence]. " +
        "Обов'язкові також first_name, last_name, email, phone, description і адреса (address_string або lat/long). " +
        "У відповідях на GET персональних даних немає.";

    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration("Open311");
        services.AddTransient<Open311Queries>();
        services.AddTransient<PostServiceRequest>();
        services.AddTransient<GetApiKeys>();
        services.AddTransient<IssueApiKey>();
        services.AddTransient<RevokeApiKey>();
        services.AddRateLimiter(o => o.AddPolicy<string, Open311RateLimitPolicy>(RateLimitPolicy));
        return services;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).AllowAnonymous().DisableAntiforgery().AddEndpointFilter(AnswerFailuresAsync);
        api.MapGet("/discovery.{format}", Discovery);
        api.MapGet("/services.{format}", Services);
        api.MapGet("/services/{service_code}.{format}", ServiceDefinition);
        api.MapGet("/requests.{format}", Requests);
        api.MapPost("/requests.{format}", PostRequest).RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/requests/{service_request_id}.{format}", Request);
        api.MapGet("/tokens/{token}.{format}", Token);
        return app;
    }

    /// <summary>
    /// A client of the API gets the spec's error list, never the portal's HTML error page: 503 with Retry-After while
    /// the database cannot be reached (the client should retry later), 500 for anything else.
    /// </summary>
    private static async ValueTask<object?> AnswerFailuresAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var http = context.HttpContext;
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Open311Endpoints));
            var format = http.Request.RouteValues.TryGetValue("format", out var value) && Open311Writer.TryParseFormat(value?.ToString() ?? string.Empty, out var f) ? f : Open311Format.Json;
            if (Infrastructure.Persistence.DatabaseFailure.IsUnavailable(e))
            {
                logger.LogWarning("Open311 {Method} {Path} answered 503: the database is unavailable ({Error})", http.Request.Method, http.Request.Path, e.GetBaseException().Message);
                http.Response.Headers.RetryAfter = ((int)Infrastructure.Persistence.DatabaseFailure.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Open311Errors.Result(StatusCodes.Status503ServiceUnavailable, format, Open311Errors.Unavailable);
            }

            logger.LogError(e, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return Open311Errors.Result(StatusCodes.Status500InternalServerError, format, Open311Errors.Internal);
        }
    }

    private static IResult Discovery(string format, HttpContext http)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var options = http.RequestServices.GetRequiredService<IOptions<Open311Options>>().Value;
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{BasePath}/";
        var endpoint = Open311Object.Of(
            "endpoint",
            ("specification", Specification),
            ("url", url),
            ("changeset", Changeset),
            ("type", "production"),
            ("formats", new Open311List("formats", "format", ["application/json", "text/xml"])));
        var discovery = Open311Object.Of(
            "discovery",
            ("changeset", Changeset),
            ("contact", options.Contact + " " + AttributesNote),
            ("key_service", options.KeyService),
            ("endpoints", new Open311List("endpoints", "endpoint", [endpoint])));
        return Open311Writer.Result(discovery, f);
    }

    private static async Task<IResult> Services(string format, Open311Queries queries, CancellationToken cancellationToken)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var services = await queries.GetServicesAsync(cancellationToken);
        return Open311Writer.Result(new Open311List("services", "service", services.Select(s => (object?)ToNode(s)).ToList()), f);
    }

    /// <summary>
    /// The spec's service definition lists a service's attributes. Our problems have none (metadata=false), so a known
    /// active code answers with an empty attribute list, and an unknown or retired one with the spec's 404.
    /// </summary>
    private static async Task<IResult> ServiceDefinition(string service_code, string format, Open311Queries queries, CancellationToken cancellationToken)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var service = await queries.GetServiceAsync(service_code, cancellationToken);
        if (service is null)
        {
            return Open311Errors.Result(StatusCodes.Status404NotFound, f, Open311Errors.ServiceNotFound);
        }

        var definition = Open311Object.Of(
            "service_definition",
            ("service_code", service.Code),
            ("attributes", new Open311List("attributes", "attribute", [])));
        return Open311Writer.Result(definition, f);
    }

    private static async Task<IResult> Requests(
        string format,
        HttpRequest request,
        Open311Queries queries,
        CancellationToken cancellationToken)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var q = request.Query;
        var (filter, errors) = Open311RequestFilter.Parse(q["service_request_id"], q["service_code"], q["start_date"], q["end_date"], q["status"]);
        if (filter is null)
        {
            return Open311Errors.Result(StatusCodes.Status400BadRequest, f, errors);
        }

        var found = await queries.GetRequestsAsync(filter, cancellationToken);
        return Open311Writer.Result(ToList(found), f);
    }

    private static async Task<IResult> Request(string service_request_id, string format, Open311Queries queries, CancellationToken cancellationToken)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var found = await queries.GetRequestAsync(service_request_id, cancellationToken);
        return found is null
            ? Open311Errors.Result(StatusCodes.Status404NotFound, f, Open311Errors.RequestNotFound)
            : Open311Writer.Result(ToList([found]), f);
    }

    private static async Task<IResult> Token(string token, string format, Open311Queries queries, CancellationToken cancellationToken)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var number = Guid.TryParse(token, out var id) ? await queries.GetNumberByTokenAsync(id, cancellationToken) : null;
        if (number is null)
        {
            return Open311Errors.Result(StatusCodes.Status404NotFound, f, Open311Errors.TokenNotFound);
        }

        var answer = Open311Object.Of("request", ("service_request_id", number), ("token", id.ToString()));
        return Open311Writer.Result(new Open311List("service_requests", "request", [answer]), f);
    }

    private static async Task<IResult> PostRequest(string format, HttpRequest request, PostServiceRequest handler, CancellationToken cancellationToken)
    {
        if (!Open311Writer.TryParseFormat(format, out var f))
        {
            return NotFound();
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var result = await handler.HandleAsync(PostServiceRequestCommand.FromForm(form), cancellationToken);
        if (!result.IsSuccess)
        {
            return Open311Errors.Result(result.StatusCode, f, result.Errors);
        }

        var answer = Open311Object.Of(
            "request",
            ("service_request_id", result.Number),
            ("service_notice", result.Notice),
            ("account_id", null));
        return Open311Writer.Result(new Open311List("service_requests", "request", [answer]), f);
    }

    private static IResult NotFound() => Open311Errors.Result(StatusCodes.Status404NotFound, Open311Format.Json, Open311Errors.NotFound);

    private static Open311Object ToNode(Open311Service s) => Open311Object.Of(
        "service",
        ("service_code", s.Code),
        ("service_name", s.Name),
        ("description", string.IsNullOrWhiteSpace(s.Description) ? s.Name + ". " + AttributesNote : s.Description + " " + AttributesNote),
        ("metadata", false),
        ("type", "realtime"),
        ("keywords", string.Join(",", s.Keywords.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))),
        ("group", s.Group));

    private static Open311List ToList(IEnumerable<Open311Request> requests) =>
        new("service_requests", "request", requests.Select(r => (object?)Open311Object.Of(
            "request",
            ("service_request_id", r.Number),
            ("status", r.IsClosed ? "closed" : "open"),
            ("status_notes", r.StatusNotes),
            ("service_name", r.ServiceName),
            ("service_code", r.ServiceCode),
            ("description", r.Description),
            ("agency_responsible", r.AgencyResponsible),
            ("service_notice", Notice(r)),
            ("requested_datetime", Open311Writer.Date(r.RequestedAt)),
            ("updated_datetime", Open311Writer.Date(r.UpdatedAt)),
            ("expected_datetime", Open311Writer.Date(r.ExpectedAt)),
            ("address", r.Address),
            ("address_id", null),
            ("zipcode", null),
            ("lat", r.Latitude),
            ("long", r.Longitude),
            ("media_url", string.Empty))).ToList());

    private static string Notice(Open311Request r) => r.IsClosed
        ? "Розгляд звернення завершено."
        : string.Create(CultureInfo.InvariantCulture, $"Звернення на розгляді у виконавця. Строк виконання — до {TimeZoneInfo.ConvertTime(r.ExpectedAt, Domain.Deadlines.DeadlinePolicy.Kyiv):dd.MM.yyyy HH:mm}.");

    /// <summary>
    /// The "open311" policy: a fixed window per api_key given in the query string, else per client address. The form
    /// body is not read here (the limiter decides before the endpoint runs, synchronously).
    /// </summary>
    private sealed class Open311RateLimitPolicy(IOptions<Open311Options> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var key = httpContext.Request.Query["api_key"].ToString();
            var partition = string.IsNullOrWhiteSpace(key)
                ? "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown")
                : "key:" + Infrastructure.Api.ApiKey.Hash(key.Trim());
            var permits = Math.Max(1, options.Value.PermitsPerMinute);
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }

        private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var format = http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Xml : Open311Format.Json;
            await Open311Errors.Result(StatusCodes.Status429TooManyRequests, format, Open311Errors.TooManyRequests).ExecuteAsync(http);
        }
    }
}
