using ContactCenter.Domain.Appeals;

namespace ContactCenter.Domain.Reporting;

/// <summary>The attributes of the state classifier of citizens' appeals (CMU resolution No. 858 of 24.09.2008) the card records.</summary>
public enum StateAttribute
{
    /// <summary>Форма (канал) надходження.</summary>
    Form,

    /// <summary>Ознака надходження: первинне, повторне, дублетне, неодноразове, масове.</summary>
    Sign,

    /// <summary>Вид звернення: пропозиція (зауваження), заява (клопотання), скарга (Law art. 3).</summary>
    Kind,

    /// <summary>Категорія (соціальний стан) автора.</summary>
    AuthorCategory,

    /// <summary>Пільгова категорія автора (Law art. 20: considered first).</summary>
    PrivilegedCategory,

    /// <summary>Результат розгляду: of the appeals whose consideration ended in the period.</summary>
    Result,
}

/// <summary>What the state statistics need of one card: the classifier attributes and when its consideration began and ended.</summary>
public sealed record StateFacts(
    Channel Channel,
    AppealSign Sign,
    AppealKind Kind,
    AuthorCategory AuthorCategory,
    PrivilegedCategory Privilege,
    AppealResult? Result,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ClosedAt);

/// <summary>One line of the statistics: a value of an attribute and how many appeals had it.</summary>
public sealed record StateCount(StateAttribute Attribute, string Value, int Count);

/// <summary>
/// Counts by the attributes of the state classifier of appeals (CMU No. 858) for the council's official quarterly
/// reporting. The form, sign, kind and author categories are counted over the appeals RECEIVED in the period; the
/// result over the appeals whose consideration ENDED in it, plus those received in it and still under consideration
/// at its end. Every value of an attribute is listed, zeros included, as the official form has a line for each.
/// </summary>
/// <remarks>
/// Not derived from the card, and so not in the statistics (<see cref="NotDerived"/>): the subject (individual or
/// collective appeal) and the author's sex are not recorded; the classifier's "питання" codes are not, because the
/// council's own classifier of problems is not mapped to them; post, personal reception and an authorised person are
/// forms of receipt the Contact Center does not take (§2.1: phone, web form, API), so they are always zero and left out.
/// </remarks>
public static class StateClassifier
{
    public static readonly IReadOnlyList<string> NotDerived =
    [
        "Суб'єкт звернення (індивідуальне / колективне): не фіксується в картці",
        "Стать автора: не фіксується в картці",
        "Тематика за кодами питань класифікатора № 858: власний класифікатор проблем громади з ними не зіставлений",
        "Форми надходження поштою, на особистому прийомі, через уповноважену особу: Контакт-центр їх не приймає (п. 2.1 Регламенту)",
    ];

    public static string NameOf(StateAttribute attribute) => attribute switch
    {
        StateAttribute.Form => "Форма надходження",
        StateAttribute.Sign => "Ознака надходження",
        StateAttribute.Kind => "Вид звернення",
        StateAttribute.AuthorCategory => "Категорія (соціальний стан) автора",
        StateAttribute.PrivilegedCategory => "Пільгова категорія автора",
        StateAttribute.Result => "Результат розгляду",
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, null),
    };

    /// <summary>The form of receipt in the classifier's words: a phone call is an oral appeal, the web form and the API written electronic ones (Law art. 5).</summary>
    public static string FormOf(Channel channel) => channel switch
    {
        Channel.Phone => "Усне: засобами телефонного зв'язку («гаряча лінія»)",
        Channel.Web => "Письмове: електронне, через офіційний веб-сайт",
        Channel.Api => "Письмове: електронне, через інформаційну систему (Open311)",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>The result line of a card: its result if its consideration ended in the period, "under consideration" if it is still open.</summary>
    public const string UnderConsideration = "На розгляді на кінець періоду";

    public static IReadOnlyList<StateCount> Count(IEnumerable<StateFacts> cards, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(period);

        var counts = new Dictionary<(StateAttribute, string), int>();
        void Add(StateAttribute attribute, string value) =>
            counts[(attribute, value)] = counts.GetValueOrDefault((attribute, value)) + 1;

        foreach (var card in cards)
        {
            if (period.Contains(card.RegisteredAt))
            {
                Add(StateAttribute.Form, FormOf(card.Channel));
                Add(StateAttribute.Sign, AppealNames.Of(card.Sign));
                Add(StateAttribute.Kind, AppealNames.Of(card.Kind));
                Add(StateAttribute.AuthorCategory, AppealNames.Of(card.AuthorCategory));
                Add(StateAttribute.PrivilegedCategory, AppealNames.Of(card.Privilege));
            }

            if (ResultOf(card, period) is { } result)
            {
                Add(StateAttribute.Result, result);
            }
        }

        return Lines().Select(l => new StateCount(l.Attribute, l.Value, counts.GetValueOrDefault((l.Attribute, l.Value)))).ToList();
    }

    /// <summary>The result line <paramref name="card"/> is counted in for <paramref name="period"/>, or null when none.</summary>
    public static string? ResultOf(StateFacts card, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(period);
        if (card.ClosedAt is { } closedAt && period.Contains(closedAt) && card.Result is { } result)
        {
            return AppealNames.Of(result);
        }

        var openAtEnd = card.RegisteredAt < period.To && (card.ClosedAt is null || card.ClosedAt >= period.To);
        return openAtEnd && period.Contains(card.RegisteredAt) ? UnderConsideration : null;
    }

    /// <summary>Every line of the statistics in print order.</summary>
    public static IEnumerable<(StateAttribute Attribute, string Value)> Lines()
    {
        foreach (var channel in Enum.GetValues<Channel>())
        {
            yield return (StateAttribute.Form, FormOf(channel));
        }

        foreach (var sign in Enum.GetValues<AppealSign>())
        {
            yield return (StateAttribute.Sign, AppealNames.Of(sign));
        }

        foreach (var kind in Enum.GetValues<AppealKind>())
        {
            yield return (StateAttribute.Kind, AppealNames.Of(kind));
        }

        foreach (var category in Enum.GetValues<AuthorCategory>())
        {
            yield return (StateAttribute.AuthorCategory, AppealNames.Of(category));
        }

        foreach (var privilege in Enum.GetValues<PrivilegedCategory>())
        {
            yield return (StateAttribute.PrivilegedCategory, AppealNames.Of(privilege));
        }

        foreach (var result in Enum.GetValues<AppealResult>())
        {
            yield return (StateAttribute.Result, AppealNames.Of(result));
        }

        yield return (StateAttribute.Result, UnderConsideration);
    }
}
