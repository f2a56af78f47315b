using System.Globalization;
using System.Text;
using ContactCenter.Domain.Appeals;

namespace ContactCenter.Infrastructure.Persistence.Seed;

/// <summary>Ukrainian names, contacts and streets of Pyriatyn for generated applicants and staff.</summary>
internal static class DemoPeople
{
    private static readonly string[] Surnames =
    [
        "Коваленко", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Бойко", "Ковальчук", "Гнатюк", "Савченко",
        "Руденко", "Марченко", "Литвиненко", "Мороз", "Поліщук", "Лисенко", "Пономаренко", "Гуменюк", "Ткачук", "Гончаренко",
        "Левченко", "Олійник", "Костенко", "Гаврилюк", "Онищенко", "Демченко", "Пилипенко", "Тимошенко", "Приходько", "Яременко",
        "Гребенюк", "Остапенко", "Нестеренко", "Дорошенко", "Кузьменко", "Головко", "Білоус", "Захарченко", "Сидоренко", "Павленко",
        "Дяченко", "Зінченко", "Бабенко", "Мирошниченко", "Лук'яненко", "Сердюк", "Кириленко", "Вакуленко", "Охрименко", "Сахно",
        "Карпенко", "Кривенко", "Задорожній", "Гордієнко", "Клименко", "Федоренко", "Власенко", "Семенко", "Чумак",
    ];

    private static readonly string[] MaleNames =
    [
        "Олександр", "Сергій", "Микола", "Іван", "Володимир", "Петро", "Василь", "Андрій", "Юрій", "Віктор", "Анатолій",
        "Михайло", "Олег", "Дмитро", "Богдан", "Григорій", "Степан", "Леонід", "Валерій", "Тарас", "Роман", "Ігор",
    ];

    private static readonly string[] FemaleNames =
    [
        "Олена", "Наталія", "Тетяна", "Ольга", "Світлана", "Людмила", "Галина", "Валентина", "Ніна", "Марія", "Оксана",
        "Ірина", "Юлія", "Надія", "Лариса", "Любов", "Катерина", "Віра", "Ганна", "Антоніна",
    ];

    private static readonly (string Male, string Female)[] Patronymics =
    [
        ("Олександрович", "Олександрівна"), ("Сергійович", "Сергіївна"), ("Миколайович", "Миколаївна"), ("Іванович", "Іванівна"),
        ("Володимирович", "Володимирівна"), ("Петрович", "Петрівна"), ("Васильович", "Василівна"), ("Андрійович", "Андріївна"),
        ("Юрійович", "Юріївна"), ("Вікторович", "Вікторівна"), ("Анатолійович", "Анатоліївна"), ("Михайлович", "Михайлівна"),
        ("Григорович", "Григорівна"), ("Степанович", "Степанівна"), ("Леонідович", "Леонідівна"), ("Федорович", "Федорівна"),
        ("Павлович", "Павлівна"), ("Дмитрович", "Дмитрівна"),
    ];

    /// <summary>Streets of the city of Pyriatyn.</summary>
    public static readonly string[] CityStreets =
    [
        "вул. Соборна", "вул. Ярмаркова", "вул. Європейська", "вул. Січових Стрільців", "вул. Визволення", "вул. Полтавська",
        "пров. Ювілейний", "вул. Київська", "вул. Гребінківська", "вул. Лохвицька", "вул. Індустріальна", "вул. Гоголя",
        "вул. Героїв Небесної Сотні", "вул. Вокзальна", "вул. Сухоносівська", "вул. Прилуцька", "вул. Садова", "вул. Миру",
        "вул. Незалежності", "вул. Котляревського", "вул. Лесі Українки", "вул. Івана Франка", "пров. Шкільний",
        "пров. Набережний", "вул. Удайська", "вул. Замостянська", "вул. Малоіржавецька", "вул. Героїв Майдану",
    ];

    /// <summary>Streets found in most villages of the hromada.</summary>
    public static readonly string[] VillageStreets =
    [
        "вул. Центральна", "вул. Шкільна", "вул. Садова", "вул. Миру", "вул. Лугова", "вул. Незалежності", "вул. Польова",
        "вул. Молодіжна", "вул. Набережна", "вул. Зелена", "вул. Козацька", "вул. Вишнева",
    ];

    private static readonly string[] MailDomains = ["ukr.net", "gmail.com", "i.ua", "ukr.net", "gmail.com", "meta.ua"];

    private static readonly string[] MobileCodes = ["67", "67", "97", "98", "50", "66", "95", "99", "63", "73", "93", "68"];

    public static (string Surname, string FirstName, string Patronymic, bool Female) Person(Random random)
    {
        var female = random.Next(100) < 58;
        var surname = Pick(random, Surnames);
        if (female && surname.EndsWith("ій", StringComparison.Ordinal))
        {
            surname = surname[..^2] + "я";
        }

        var patronymic = Pick(random, Patronymics);
        return (surname, female ? Pick(random, FemaleNames) : Pick(random, MaleNames), female ? patronymic.Female : patronymic.Male, female);
    }

    public static string FullName(Random random)
    {
        var p = Person(random);
        return $"{p.Surname} {p.FirstName} {p.Patronymic}";
    }

    public static string MobilePhone(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"+380{Pick(random, MobileCodes)}{random.Next(1_000_000, 10_000_000)}");

    public static string Email(Random random, string surname, string firstName)
    {
        var local = random.Next(3) switch
        {
            0 => $"{Translit(surname)}.{Translit(firstName)}",
            1 => $"{Translit(firstName)[0]}{Translit(surname)}{random.Next(60, 99)}",
            _ => $"{Translit(surname)}{random.Next(1, 999)}",
        };
        return $"{local}@{Pick(random, MailDomains)}";
    }

    public static string CityAddress(Random random, bool withFlat)
    {
        var street = Pick(random, CityStreets);
        var house = random.Next(1, 120);
        return withFlat && random.Next(3) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"м. Пирятин, {street}, {house}, кв. {random.Next(1, 60)}")
            : string.Create(CultureInfo.InvariantCulture, $"м. Пирятин, {street}, {house}");
    }

    public static string VillageAddress(Random random, string village) =>
        string.Create(CultureInfo.InvariantCulture, $"{village}, {Pick(random, VillageStreets)}, {random.Next(1, 90)}");

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static PrivilegedCategory Privilege(Random random) => random.Next(100) switch
    {
        < 2 => PrivilegedCategory.WarDisabled,
        < 6 => PrivilegedCategory.CombatParticipant,
        < 8 => PrivilegedCategory.FamilyOfFallenDefender,
        8 when random.Next(20) == 0 => PrivilegedCategory.HeroOfUkraine,
        _ => PrivilegedCategory.None,
    };

    public static AuthorCategory Category(Random random, PrivilegedCategory privilege) => privilege switch
    {
        PrivilegedCategory.CombatParticipant => AuthorCategory.CombatParticipant,
        PrivilegedCategory.WarDisabled => AuthorCategory.PersonWithDisability,
        PrivilegedCategory.FamilyOfFallenDefender => AuthorCategory.FamilyOfFallenDefender,
        _ => random.Next(100) switch
        {
            < 35 => AuthorCategory.Pensioner,
            < 50 => AuthorCategory.Worker,
            < 62 => AuthorCategory.Employee,
            < 67 => AuthorCategory.Entrepreneur,
            < 72 => AuthorCategory.InternallyDisplacedPerson,
            < 75 => AuthorCategory.Unemployed,
            < 77 => AuthorCategory.LargeFamily,
            < 79 => AuthorCategory.ChernobylSurvivor,
            < 81 => AuthorCategory.Student,
            _ => AuthorCategory.NotSpecified,
        },
    };

    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ie", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "y", ['і'] = "i", ['ї'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n",
        ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ь'] = "", ['ю'] = "iu", ['я'] = "ia", ['\''] = "",
    };

    /// <summary>The national transliteration (CMU No. 55), simplified, for e-mail addresses.</summary>
    public static string Translit(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(Latin.TryGetValue(c, out var latin) ? latin : char.IsAsciiLetterOrDigit(c) ? c.ToString() : string.Empty);
        }

        return builder.ToString();
    }
}
