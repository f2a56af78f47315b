using ContactCenter.Domain.Common;

namespace ContactCenter.Portal.Features.Open311;

/// <summary>
/// GeoReport v2 errors: a list of <c>{code, description}</c> where the code is the HTTP status. Each reason the
/// request was refused is one entry, its description the Ukrainian message the portal shows for the same rule.
/// </summary>
public static class Open311Errors
{
    public static readonly Error ApiKeyInvalid = new("Open311.ApiKeyInvalid", "Ключ API (api_key) не вказано, він невідомий або відкликаний. Отримайте ключ в адміністратора Контакт-Центру.");
    public static readonly Error ServiceNotFound = new("Open311.ServiceNotFound", "Послугу (service_code) не знайдено серед чинних питань класифікатора.");
    public static readonly Error RequestNotFound = new("Open311.RequestNotFound", "Звернення з таким номером (service_request_id) не знайдено.");
    public static readonly Error TokenNotFound = new("Open311.TokenNotFound", "Звернення за цим токеном не знайдено.");
    public static readonly Error NotFound = new("Open311.NotFound", "Ресурс не знайдено. Формат відповіді: .json або .xml.");
    public static readonly Error LocationInvalid = new("Open311.LocationInvalid", "Координати lat і long мають бути числами в градусах WGS84 (широта від -90 до 90, довгота від -180 до 180).");
    public static readonly Error PhoneRequired = new("Open311.PhoneRequired", "Вкажіть контактний телефон заявника (phone): виконавець зв'язується із заявником телефоном.");
    public static readonly Error StatusInvalid = new("Open311.StatusInvalid", "Стан (status) може бути лише open або closed.");
    public static readonly Error StartDateInvalid = new("Open311.StartDateInvalid", "Початкова дата (start_date) має бути у форматі W3C, наприклад 2026-03-01T00:00:00+02:00.");
    public static readonly Error EndDateInvalid = new("Open311.EndDateInvalid", "Кінцева дата (end_date) має бути у форматі W3C, наприклад 2026-03-31T23:59:59+03:00.");
    public static readonly Error DatesReversed = new("Open311.DatesReversed", "Початкова дата (start_date) не може бути пізнішою за кінцеву (end_date).");
    public static readonly Error Unavailable = new("Open311.Unavailable", Infrastructure.Persistence.DatabaseFailure.Message);
    public static readonly Error Internal = new("Open311.Internal", "Внутрішня помилка сервісу. Повторіть запит пізніше; якщо помилка повторюється, зверніться до адміністратора Контакт-Центру.");
    public static readonly Error TooManyRequests = new("Open311.TooManyRequests", "Забагато звернень за хвилину з цього ключа або адреси. Повторіть пізніше.");

    public static Open311List ToList(int statusCode, IEnumerable<Error> errors) =>
        new("errors", "error", errors.Select(e => (object?)Open311Object.Of("error", ("code", statusCode), ("description", e.Message))).ToList());

    public static IResult Result(int statusCode, Open311Format format, params IEnumerable<Error> errors) =>
        Open311Writer.Result(ToList(statusCode, errors), format, statusCode);
}
