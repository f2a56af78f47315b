using ContactCenter.Domain.Common;

namespace ContactCenter.Portal.Features.Admin;

/// <summary>
/// The outcome of an administrative change: nothing or every reason it was refused. <see cref="Error.Code"/> names the
/// field a form shows the message beside (or <see cref="AdminErrors.FormField"/> for the whole form).
/// </summary>
public sealed record AdminResult(IReadOnlyList<Error> Errors)
{
    public static readonly AdminResult Ok = new([]);

    public bool IsSuccess => Errors.Count == 0;

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => e.Code == field)?.Message;

    public static AdminResult Fail(params Error[] errors) => new(errors);

    public static implicit operator AdminResult(Error error) => new([error]);
}

/// <summary>A result that also carries what was created or read.</summary>
public sealed record AdminResult<T>(T? Value, IReadOnlyList<Error> Errors)
{
    public bool IsSuccess => Errors.Count == 0;

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => e.Code == field)?.Message;

    public static implicit operator AdminResult<T>(Error error) => new(default, [error]);
}

public static class AdminErrors
{
    /// <summary>The key of errors about the whole form rather than one field.</summary>
    public const string FormField = "form";

    public static readonly Error NotAdmin = new(FormField, "Ця дія доступна лише адміністратору.");

    public static readonly Error NotFound = new(FormField, "Запис не знайдено: можливо, його вже змінили або вилучили. Оновіть сторінку.");

    public static Error Field(string field, string message) => new(field, message);
}

/// <summary>Every administrative handler asks this first: the page's attribute is not the only gate.</summary>
public static class AdminAccess
{
    public static bool IsAdmin(Actor? actor) => actor is { Role: Role.Admin };
}
