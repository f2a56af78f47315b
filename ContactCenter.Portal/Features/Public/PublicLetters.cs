using System.Text;
using ContactCenter.Domain.Appeals;
using ContactCenter.Infrastructure.Mail;

namespace ContactCenter.Portal.Features.Public;

/// <summary>The letters the applicant receives (plain text, Ukrainian), queued in <c>OutgoingMails</c>.</summary>
public static class PublicLetters
{
    public const string RegistrationKind = "registration";
    public const string ConfirmationKind = "confirmation";

    /// <summary>§2.2: "після закінчення реєстрації звернення реєстраційний номер надається заявнику".</summary>
    public static OutgoingMail Registration(Appeal card, string baseUrl, DateTimeOffset now)
    {
        var body = new StringBuilder()
            .AppendLine($"Шановн{Greeting(card)}!")
            .AppendLine()
            .AppendLine($"Ваше звернення зареєстровано в Контакт-Центрі громади. Реєстраційний номер: {card.Number}.")
            .AppendLine()
            .AppendLine($"Стан розгляду можна переглянути за номером і вашим телефоном: {PublicLinks.Status(baseUrl)}")
            .AppendLine()
            .AppendLine("Коли звернення буде розглянуто, підтвердіть, будь ласка, чи виконано роботи, за цим посиланням:")
            .AppendLine(PublicLinks.Confirmation(baseUrl, card.AccessToken))
            .AppendLine("Посилання особисте: не пересилайте його іншим.")
            .AppendLine()
            .AppendLine("Контакт-Центр громади")
            .ToString();
        return OutgoingMail.Create(card.Email!, $"Звернення зареєстровано: № {card.Number}", body, RegistrationKind, card.Number, now);
    }

    /// <summary>§4.1: the card is closed; the applicant is asked to confirm the work was done.</summary>
    public static OutgoingMail Confirmation(Appeal card, string baseUrl, DateTimeOffset now)
    {
        var body = new StringBuilder()
            .AppendLine($"Шановн{Greeting(card)}!")
            .AppendLine()
            .AppendLine($"Розгляд вашого звернення № {card.Number} завершено.")
            .AppendLine($"Результат: {(card.Result is { } result ? AppealNames.Of(result) : "—")}.")
            .AppendLine($"Що зроблено: {card.Resolution}")
            .AppendLine()
            .AppendLine("Підтвердіть, будь ласка, чи виконано роботи (або повідомте, що не виконано):")
            .AppendLine(PublicLinks.Confirmation(baseUrl, card.AccessToken))
            .AppendLine()
            .AppendLine("Контакт-Центр громади")
            .ToString();
        return OutgoingMail.Create(card.Email!, $"Звернення № {card.Number}: підтвердіть виконання", body, ConfirmationKind, card.Number, now);
    }

    /// <summary>Queues the confirmation letter when the card is closed and its applicant has an e-mail.</summary>
    public static void QueueConfirmation(Infrastructure.Persistence.ContactCenterDbContext db, Appeal card, string baseUrl, DateTimeOffset now)
    {
        if (card.Status == AppealStatus.Closed && !string.IsNullOrWhiteSpace(card.Email) && !string.IsNullOrEmpty(card.AccessToken))
        {
            db.OutgoingMails.Add(Confirmation(card, baseUrl, now));
        }
    }

    private static string Greeting(Appeal card) =>
        string.IsNullOrWhiteSpace(card.FirstName) ? "ий заявнику" : $"ий(а) {card.FirstName} {card.Patronymic}".TrimEnd();
}
