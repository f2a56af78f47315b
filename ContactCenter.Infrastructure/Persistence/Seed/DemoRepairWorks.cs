using ContactCenter.Domain.Common;
using ContactCenter.Domain.RepairWorks;

namespace ContactCenter.Infrastructure.Persistence.Seed;

/// <summary>Planned and emergency repair works of the utilities: finished, going on now, and coming.</summary>
internal static class DemoRepairWorks
{
    public static List<RepairWork> Create(PyriatynHromada hromada, Actor waterStaff, DateTimeOffset now)
    {
        var works = new List<RepairWork>();
        var water = hromada["vodokanal"].Id;
        var heat = hromada["teplo"].Id;
        var power = hromada["oblenergo"].Id;
        var gas = hromada["gaz"].Id;
        var roads = hromada["blagoustriy"].Id;
        Actor Staff(Guid executorId, string name) => executorId == water ? waterStaff : new Actor("staff-" + executorId.ToString("N"), name, Role.ExecutorResponsible, executorId);
        var heatStaff = Staff(heat, "Остапенко Юрій Васильович");
        var powerStaff = Staff(power, "Кривенко Ігор Петрович");
        var gasStaff = Staff(gas, "Дорошенко Сергій Іванович");
        var roadStaff = Staff(roads, "Білоус Віталій Олегович");

        // Completed planned works.
        works.Add(Completed(Planned(waterStaff, now.AddDays(-20), water, UtilityService.Water, "Заміна засувок на магістральному водопроводі; без холодної води", ["м. Пирятин, вул. Соборна", "м. Пирятин, вул. Ярмаркова"], now.AddDays(-17), now.AddDays(-17).AddHours(8)), waterStaff, now.AddDays(-17).AddHours(7), "Засувки замінено, водопостачання відновлено"));
        works.Add(Completed(Planned(powerStaff, now.AddDays(-12), power, UtilityService.Power, "Планова заміна опор ПЛ-0,4 кВ", ["м. Пирятин, вул. Визволення", "м. Пирятин, пров. Ювілейний"], now.AddDays(-9), now.AddDays(-9).AddHours(6)), powerStaff, now.AddDays(-9).AddHours(6.5), "Опори замінено"));
        works.Add(Completed(Planned(gasStaff, now.AddDays(-30), gas, UtilityService.Gas, "Технічне обслуговування ГРП, зниження тиску газу", ["с. Велика Круча", "с. Кроти"], now.AddDays(-26), now.AddDays(-26).AddHours(5)), gasStaff, now.AddDays(-26).AddHours(4), "Обслуговування ГРП завершено"));

        // Completed emergencies.
        works.Add(Close(Check(RepairWork.RegisterEmergency(waterStaff, now.AddDays(-6).AddMinutes(20), water, UtilityService.Water, "Порив водопроводу Ø150 мм, відключено холодну воду", ["м. Пирятин, вул. Європейська", "м. Пирятин, вул. Січових Стрільців, 12"], now.AddDays(-6), now.AddDays(-6).AddHours(6))), waterStaff, now.AddDays(-6).AddHours(5), "Порив усунено, подачу відновлено"));
        works.Add(Close(Check(RepairWork.RegisterEmergency(powerStaff, now.AddDays(-3).AddMinutes(10), power, UtilityService.Power, "Пошкодження кабельної лінії 10 кВ після негоди", ["м. Пирятин, вул. Полтавська", "м. Пирятин, вул. Гребінківська"], now.AddDays(-3), now.AddDays(-3).AddHours(4))), powerStaff, now.AddDays(-3).AddHours(3), "Кабель відремонтовано"));
        works.Add(Close(Check(RepairWork.RegisterEmergency(heatStaff, now.AddDays(-15), heat, UtilityService.Heating, "Аварія на тепломережі від котельні по вул. Лохвицькій", ["м. Пирятин, вул. Лохвицька", "м. Пирятин, вул. Котляревського"], now.AddDays(-15).AddMinutes(-30), now.AddDays(-15).AddHours(10))), heatStaff, now.AddDays(-15).AddHours(9), "Ділянку тепломережі замінено"));

        // Going on now.
        works.Add(Check(RepairWork.RegisterEmergency(waterStaff, now.AddHours(-3), water, UtilityService.Water, "Аварія на водопровідній мережі: порив на розі вулиць; тимчасово відсутнє холодне водопостачання", ["м. Пирятин, вул. Соборна", "м. Пирятин, вул. Визволення, 5", "м. Пирятин, пров. Ювілейний"], now.AddHours(-3).AddMinutes(-15), now.AddHours(5))));
        works.Add(Check(RepairWork.RegisterEmergency(gasStaff, now.AddHours(-1), gas, UtilityService.Gas, "Пошкодження надземного газопроводу, газопостачання припинено", ["м. Пирятин, вул. Гоголя"], now.AddHours(-1).AddMinutes(-10), now.AddHours(4))));
        var sewer = Planned(waterStaff, now.AddDays(-4), water, UtilityService.Sewerage, "Промивка каналізаційного колектора", ["м. Пирятин, вул. Вокзальна", "м. Пирятин, вул. Індустріальна"], now.AddHours(-4), now.AddHours(6));
        HistoryGenerator.Check(sewer.Start(waterStaff, now.AddHours(-4)), "start");
        works.Add(sewer);
        works.Add(Planned(roadStaff, now.AddDays(-5), roads, UtilityService.Roads, "Ямковий ремонт проїжджої частини, рух обмежено", ["м. Пирятин, вул. Київська", "м. Пирятин, вул. Прилуцька"], now.AddHours(-2), now.AddDays(1)));

        // Coming.
        works.Add(Planned(waterStaff, now.AddHours(-2), water, UtilityService.Water, "Планова заміна ділянки водопроводу; без холодної води з 9:00 до 17:00", ["м. Пирятин, вул. Ярмаркова", "м. Пирятин, вул. Незалежності"], now.AddDays(2), now.AddDays(2).AddHours(8)));
        works.Add(Planned(powerStaff, now.AddDays(-1), power, UtilityService.Power, "Планові ремонтні роботи на ТП-47, знеструмлення", ["с. Грабарка", "с. Смотрики"], now.AddDays(3), now.AddDays(3).AddHours(7)));
        works.Add(Planned(heatStaff, now.AddHours(-1), heat, UtilityService.HotWater, "Гідравлічні випробування тепломереж котельні «Центральна»", ["м. Пирятин, вул. Європейська", "м. Пирятин, вул. Героїв Небесної Сотні"], now.AddDays(5), now.AddDays(6)));
        works.Add(Planned(gasStaff, now.AddHours(-5), gas, UtilityService.Gas, "Врізка нового газопроводу, тимчасове припинення газопостачання", ["с. Каплинці, вул. Шкільна"], now.AddDays(1).AddHours(2), now.AddDays(1).AddHours(8)));
        foreach (var work in works)
        {
            work.ClearDomainEvents();
        }

        return works;
    }

    private static RepairWork Planned(Actor actor, DateTimeOffset registeredAt, Guid executorId, UtilityService service, string description, string[] addresses, DateTimeOffset start, DateTimeOffset end) =>
        Check(RepairWork.RegisterPlanned(actor, registeredAt, executorId, service, description, addresses, start, end));

    private static RepairWork Completed(RepairWork work, Actor actor, DateTimeOffset finishedAt, string note)
    {
        HistoryGenerator.Check(work.Start(actor, work.PlannedStart), "start");
        return Close(work, actor, finishedAt, note);
    }

    private static RepairWork Close(RepairWork work, Actor actor, DateTimeOffset finishedAt, string note)
    {
        HistoryGenerator.Check(work.Complete(actor, finishedAt, note), "complete");
        return work;
    }

    private static RepairWork Check(Result<RepairWork> result) => HistoryGenerator.Check(result, "repair work");
}
