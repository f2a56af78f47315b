using Microsoft.AspNetCore.Identity;

namespace ContactCenter.Infrastructure.Identity;

/// <summary>Identity's messages (password policy, duplicate e-mail…) in Ukrainian, as an administrator reads them.</summary>
public sealed class UkrainianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Сталася невідома помилка.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Запис уже змінив хтось інший. Оновіть сторінку й повторіть.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Неправильний пароль.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Недійсний або прострочений код.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Код відновлення не прийнято.");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Цей зовнішній вхід уже прив'язано до іншого користувача.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Ім'я користувача «{userName}» містить недопустимі символи.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Електронна пошта «{email}» недійсна.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Користувач «{userName}» уже існує.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Електронна пошта «{email}» уже використовується.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"Недопустима назва ролі «{role}».");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Роль «{role}» уже існує.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "У користувача вже є пароль.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Блокування для цього користувача не ввімкнено.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Користувач уже має роль «{role}».");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Користувач не має ролі «{role}».");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Пароль має містити щонайменше {length} символів.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Пароль має містити щонайменше {uniqueChars} різних символів.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Пароль має містити хоча б один спеціальний символ (наприклад, ! # - _).");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Пароль має містити хоча б одну цифру (0–9).");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Пароль має містити хоча б одну малу латинську літеру (a–z).");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Пароль має містити хоча б одну велику латинську літеру (A–Z).");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
