using System.Globalization;
using ContactCenter.Domain.Organisation;

namespace ContactCenter.Infrastructure.Persistence.Seed;

/// <summary>
/// Пирятинська міська територіальна громада (Полтавська область): the city, its starosta districts, the directions
/// curated by the deputy mayors and the executors that resolve appeals.
/// </summary>
internal sealed class PyriatynHromada
{
    public const string MailDomain = "pyryatyn-demo.gov.ua";

    // Direction keys.
    public const string Housing = "zhkg";
    public const string Social = "social";
    public const string Education = "education";
    public const string Economy = "economy";
    public const string Security = "security";
    public const string General = "general";

    private readonly Dictionary<string, Executor> byKey = [];
    private readonly Dictionary<string, Direction> directionsByKey = [];

    private PyriatynHromada()
    {
    }

    public Territory City { get; private set; } = null!;

    public List<Territory> Territories { get; } = [];

    /// <summary>Each starosta district with its starosta (an executor of kind <see cref="ExecutorKind.Starosta"/>).</summary>
    public List<(Territory District, Executor Starosta)> Districts { get; } = [];

    public List<Direction> Directions { get; } = [];

    public List<Executor> Executors { get; } = [];

    public Executor this[string key] => byKey[key];

    public Direction DirectionOf(string key) => directionsByKey[key];

    public static PyriatynHromada Create()
    {
        var h = new PyriatynHromada();
        h.City = new Territory(Guid.NewGuid(), "м. Пирятин", TerritoryKind.City, ["м. Пирятин"]);
        h.Territories.Add(h.City);

        h.AddDirection(Housing, "Житлово-комунальне господарство, благоустрій та інфраструктура", "Ковтун Олександр Миколайович");
        h.AddDirection(Social, "Соціальний захист населення та охорона здоров'я", "Гриценко Наталія Іванівна");
        h.AddDirection(Education, "Освіта, культура, молодь і спорт", "Литвиненко Оксана Петрівна");
        h.AddDirection(Economy, "Економіка, земельні відносини та містобудування", "Бондар Сергій Васильович");
        h.AddDirection(Security, "Безпека, цивільний захист і правопорядок", "Мельник Віталій Анатолійович");
        h.AddDirection(General, "Загальні питання, адміністративні послуги та робота старост (керуючий справами)", "Кравченко Людмила Олексіївна");

        // ЖКГ та благоустрій.
        h.Add("zhkg", Housing, "Відділ житлово-комунального господарства, благоустрою та інфраструктури виконавчого комітету Пирятинської міської ради", "Відділ ЖКГ", ExecutorKind.CouncilDepartment, "Савченко Іван Петрович", "zhkg", "(05358) 2-13-45");
        h.Add("vodokanal", Housing, "КП «Пирятинський водоканал» Пирятинської міської ради", "КП «Пирятинський водоканал»", ExecutorKind.UtilityCompany, "Руденко Віктор Григорович", "vodokanal", "(05358) 2-04-71");
        h.Add("teplo", Housing, "КП «Пирятинтеплоенерго» Пирятинської міської ради", "КП «Пирятинтеплоенерго»", ExecutorKind.UtilityCompany, "Гончаренко Петро Васильович", "teplo", "(05358) 2-15-62");
        h.Add("oblenergo", Housing, "Пирятинська філія АТ «Полтаваобленерго»", "Полтаваобленерго, Пирятинська філія", ExecutorKind.UtilityCompany, "Олійник Андрій Юрійович", "oblenergo", "(05358) 2-11-04");
        h.Add("gaz", Housing, "Пирятинська дільниця Лубенського відділення Полтавської філії ТОВ «Газорозподільні мережі України» (Полтавагаз)", "Газмережі, Пирятинська дільниця", ExecutorKind.UtilityCompany, "Ткачук Степан Михайлович", "gaz", "(05358) 2-10-04");
        h.Add("blagoustriy", Housing, "КП «Пирятин-Благоустрій» (утримання доріг, вуличне освітлення, санітарне очищення)", "КП «Пирятин-Благоустрій»", ExecutorKind.UtilityCompany, "Левченко Олег Анатолійович", "blagoustriy", "(05358) 2-22-38");
        h.Add("zhytlo", Housing, "КП «Пирятинське житлове господарство» (обслуговування багатоквартирних будинків)", "КП «Житлове господарство»", ExecutorKind.UtilityCompany, "Костенко Галина Володимирівна", "zhytlo", "(05358) 2-18-90");
        h.Add("avtodor", Housing, "Служба відновлення та розвитку інфраструктури у Полтавській області (автодороги державного значення, Пирятинська дільниця)", "Служба автодоріг", ExecutorKind.StateBody, "Гаврилюк Юрій Степанович", "avtodor", "(05358) 2-31-17");
        h.Add("transport", Housing, "ТОВ «Пирятин-Автотранс» (перевізник на міських та приміських маршрутах)", "Перевізник «Пирятин-Автотранс»", ExecutorKind.Other, "Онищенко Валерій Леонідович", "transport", "(05358) 2-12-55");

        // Соціальний захист і охорона здоров'я.
        h.Add("uszn", Social, "Управління соціального захисту населення Пирятинської міської ради", "УСЗН", ExecutorKind.CouncilDepartment, "Пономаренко Світлана Миколаївна", "uszn", "(05358) 2-02-63");
        h.Add("tsson", Social, "Центр надання соціальних послуг Пирятинської міської ради", "Центр соціальних послуг", ExecutorKind.CouncilDepartment, "Демченко Лариса Іванівна", "tsson", "(05358) 2-03-12");
        h.Add("crl", Social, "КНП «Пирятинська центральна районна лікарня» Пирятинської міської ради", "Пирятинська ЦРЛ", ExecutorKind.Other, "Пилипенко Дмитро Олександрович", "crl", "(05358) 2-16-03");
        h.Add("cpmsd", Social, "КНП «Пирятинський центр первинної медико-санітарної допомоги»", "ЦПМСД", ExecutorKind.Other, "Захарченко Ірина Вікторівна", "cpmsd", "(05358) 2-16-45");
        h.Add("pension", Social, "Пирятинський сервісний центр Головного управління Пенсійного фонду України в Полтавській області", "Сервісний центр ПФУ", ExecutorKind.StateBody, "Марченко Валентина Петрівна", "pension", "(05358) 2-05-80");

        // Освіта, культура, спорт.
        h.Add("osvita", Education, "Відділ освіти Пирятинської міської ради", "Відділ освіти", ExecutorKind.CouncilDepartment, "Лисенко Тетяна Григорівна", "osvita", "(05358) 2-06-31");
        h.Add("kultura", Education, "Відділ культури, туризму, молоді та спорту Пирятинської міської ради", "Відділ культури і спорту", ExecutorKind.CouncilDepartment, "Гнатюк Оксана Василівна", "kultura", "(05358) 2-07-24");
        h.Add("ssd", Education, "Служба у справах дітей Пирятинської міської ради", "Служба у справах дітей", ExecutorKind.CouncilDepartment, "Бабенко Наталія Андріївна", "ssd", "(05358) 2-08-19");

        // Економіка та земельні питання.
        h.Add("zemlya", Economy, "Відділ земельних ресурсів та екології Пирятинської міської ради", "Відділ земельних ресурсів", ExecutorKind.CouncilDepartment, "Яременко Роман Олегович", "zemlya", "(05358) 2-09-66");
        h.Add("arch", Economy, "Відділ містобудування та архітектури Пирятинської міської ради", "Відділ архітектури", ExecutorKind.CouncilDepartment, "Нестеренко Богдан Іванович", "arch", "(05358) 2-09-13");
        h.Add("econ", Economy, "Відділ економіки, інвестицій та торгівлі Пирятинської міської ради", "Відділ економіки", ExecutorKind.CouncilDepartment, "Сидоренко Олена Юріївна", "econ", "(05358) 2-01-47");

        // Безпека і правопорядок.
        h.Add("police", Security, "Пирятинський відділ поліції ГУНП в Полтавській області", "Пирятинський ВП", ExecutorKind.LawEnforcement, "Кириленко Тарас Вікторович", "police", "(05358) 2-12-02");
        h.Add("dsns", Security, "25 державна пожежно-рятувальна частина ГУ ДСНС України у Полтавській області (м. Пирятин)", "25 ДПРЧ (ДСНС)", ExecutorKind.StateBody, "Головко Ігор Степанович", "dsns", "(05358) 2-01-01");
        h.Add("cz", Security, "Сектор з питань цивільного захисту, оборонної роботи та взаємодії з правоохоронними органами", "Сектор цивільного захисту", ExecutorKind.CouncilDepartment, "Кузьменко Микола Федорович", "cz", "(05358) 2-03-77");

        // Загальні питання (керуючий справами).
        h.Add("general", General, "Загальний відділ та інформаційного забезпечення виконавчого комітету Пирятинської міської ради", "Загальний відділ", ExecutorKind.CouncilDepartment, "Дяченко Ольга Миколаївна", "general", "(05358) 2-00-11");
        h.Add("cnap", General, "Центр надання адміністративних послуг Пирятинської міської ради (ЦНАП)", "ЦНАП", ExecutorKind.CouncilDepartment, "Зінченко Юлія Сергіївна", "cnap", "(05358) 2-00-55");
        h.Add("legal", General, "Юридичний відділ виконавчого комітету Пирятинської міської ради", "Юридичний відділ", ExecutorKind.CouncilDepartment, "Вакуленко Андрій Петрович", "legal", "(05358) 2-00-37");
        h.Add("ukrposhta", General, "Пирятинський центр поштового зв'язку АТ «Укрпошта»", "Укрпошта, Пирятин", ExecutorKind.Other, "Сердюк Любов Григорівна", "ukrposhta", "(05358) 2-13-01");

        (string Name, string Key, string Starosta, string[] Villages)[] districts =
        [
            ("Великокручанський старостинський округ", "velykokruchanskyi", "Охрименко Василь Іванович", ["с. Велика Круча", "с. Кроти", "с. Теплівка"]),
            ("Грабарківський старостинський округ", "hrabarkivskyi", "Клименко Надія Петрівна", ["с. Грабарка", "с. Смотрики", "с. Харківці"]),
            ("Давидівський старостинський округ", "davydivskyi", "Білоус Михайло Андрійович", ["с. Давидівка", "с. Ковалі"]),
            ("Дейманівський старостинський округ", "deimanivskyi", "Приходько Валентина Олексіївна", ["с. Дейманівка", "с. Гурбинці"]),
            ("Замостянський старостинський округ", "zamostianskyi", "Федоренко Григорій Миколайович", ["с. Замостя", "с. Сухоносівка"]),
            ("Каплинцівський старостинський округ", "kaplyntsivskyi", "Гордієнко Віра Степанівна", ["с. Каплинці", "с. Високе"]),
            ("Кейбалівський старостинський округ", "keibalivskyi", "Чумак Анатолій Васильович", ["с. Кейбалівка", "с. Шкурати"]),
            ("Малютинський старостинський округ", "maliutynskyi", "Власенко Ганна Іванівна", ["с. Малютинці", "с. Усівка"]),
            ("Олександрівський старостинський округ", "oleksandrivskyi", "Карпенко Леонід Петрович", ["с. Олександрівка", "с. Мокіївка"]),
            ("Сасинівський старостинський округ", "sasynivskyi", "Семенко Людмила Вікторівна", ["с. Сасинівка", "с. Білоцерківці", "с. Яцини"]),
        ];
        var phone = 40;
        foreach (var (name, key, starosta, villages) in districts)
        {
            var district = new Territory(Guid.NewGuid(), name, TerritoryKind.StarostaDistrict, villages);
            h.Territories.Add(district);
            var executor = h.Add(
                "starosta-" + key,
                General,
                $"Староста {name[..^" старостинський округ".Length].Replace("ський", "ського", StringComparison.Ordinal)} старостинського округу",
                $"Староста ({villages[0]})",
                ExecutorKind.Starosta,
                starosta,
                "starosta." + key,
                string.Create(CultureInfo.InvariantCulture, $"(05358) 3-{phone++:D2}-{phone * 7 % 100:D2}"));
            h.Districts.Add((district, executor));
        }

        return h;
    }

    private void AddDirection(string key, string name, string deputy)
    {
        var direction = new Direction(Guid.NewGuid(), name, deputy);
        Directions.Add(direction);
        directionsByKey[key] = direction;
    }

    private Executor Add(string key, string directionKey, string name, string shortName, ExecutorKind kind, string head, string mailbox, string phone)
    {
        var executor = new Executor(Guid.NewGuid(), name, shortName, kind, directionsByKey[directionKey].Id, head, $"{mailbox}@{MailDomain}");
        executor.SetPhone(phone);
        Executors.Add(executor);
        byKey[key] = executor;
        return executor;
    }
}
