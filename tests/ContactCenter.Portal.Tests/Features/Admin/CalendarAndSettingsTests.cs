using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using ContactCenter.Portal.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Admin;

public sealed class CalendarAndSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FillStateHolidays_Twice_AddsTheHolidaysOfTheYearOnce()
    {
        await using var host = await AdminHost.CreateAsync();
        var fill = host.Get<FillStateHolidays>();

        var first = await fill.HandleAsync(new(2027), host.Admin, Ct);
        var second = await fill.HandleAsync(new(2027), host.Admin, Ct);

        Assert.Equal(WorkingCalendar.UkrainianHolidays(2027).Count, first.Value);
        Assert.Equal(0, second.Value);
        var view = (await host.Get<GetCalendar>().HandleAsync(new(2027), host.Admin, Ct)).Value!;
        Assert.Equal(WorkingCalendar.UkrainianHolidays(2027), view.Days);
    }

    [Fact]
    public async Task FillStateHolidays_KeepsADayTheAdministratorAlreadySet()
    {
        await using var host = await AdminHost.CreateAsync();
        await host.Get<SaveCalendarDay>().HandleAsync(new(new DateOnly(2027, 1, 1), CalendarDayKind.DayOff, "Вихідний за розпорядженням"), host.Admin, Ct);

        var added = await host.Get<FillStateHolidays>().HandleAsync(new(2027), host.Admin, Ct);

        Assert.Equal(WorkingCalendar.UkrainianHolidays(2027).Count - 1, added.Value);
        await using var db = host.Db();
        Assert.Equal(CalendarDayKind.DayOff, (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2027, 1, 1), Ct)).Kind);
    }

    [Fact]
    public async Task SaveCalendarDay_AWeekdayAsATransferredWorkingDay_IsRefused_AndRemoveWorks()
    {
        await using var host = await AdminHost.CreateAsync();

        var weekday = await host.Get<SaveCalendarDay>().HandleAsync(new(new DateOnly(2026, 3, 10), CalendarDayKind.WorkingDay, "Робочий"), host.Admin, Ct);
        var saturday = await host.Get<SaveCalendarDay>().HandleAsync(new(new DateOnly(2026, 3, 14), CalendarDayKind.WorkingDay, "Перенесений робочий день"), host.Admin, Ct);
        var removed = await host.Get<RemoveCalendarDay>().HandleAsync(new(new DateOnly(2026, 3, 14)), host.Admin, Ct);

        Assert.NotNull(weekday.ErrorFor("kind"));
        Assert.True(saturday.IsSuccess);
        Assert.True(removed.IsSuccess);
        await using var db = host.Db();
        Assert.Equal(0, await db.CalendarDays.CountAsync(Ct));
    }

    [Fact]
    public async Task SetHolidaysAreDaysOff_ChangesWhatThePolicyReads()
    {
        await using var host = await AdminHost.CreateAsync();

        await host.Get<SetHolidaysAreDaysOff>().HandleAsync(new(true), host.Admin, Ct);

        var policy = await new WorkingCalendarStore(host.Factory).GetPolicyAsync(Ct);
        Assert.True(policy.Calendar.HolidaysAreDaysOff);
        Assert.True((await host.Get<GetCalendar>().HandleAsync(new(2026), host.Admin, Ct)).Value!.HolidaysAreDaysOff);
    }

    [Fact]
    public async Task SaveSettings_OutOfRange_IsRefusedWithUkrainianMessagesAndNothingSaved()
    {
        await using var host = await AdminHost.CreateAsync();
        await using (var db = host.Db())
        {
            db.Settings.Add(new Setting { Key = WorkingCalendarStore.RepeatWindowDaysKey, Value = "30" });
            await db.SaveChangesAsync(Ct);
        }

        var result = await host.Get<SaveSettings>().HandleAsync(new("mail.ru, не домен, ukr", 0, 169, 51, 0), host.Admin, Ct);

        Assert.Equal("Вікно повторного звернення, днів: ціле число від 1 до 365.", result.ErrorFor(WorkingCalendarStore.RepeatWindowDaysKey));
        Assert.Equal("«Спливає строк» за, годин: ціле число від 1 до 168.", result.ErrorFor(WorkingCalendarStore.AtRiskHoursKey));
        Assert.Equal("Найбільший розмір вкладення, МБ: ціле число від 1 до 50.", result.ErrorFor(AdminSettings.AttachmentsMaxSizeMbKey));
        Assert.Equal("Найбільше вкладень в одній картці: ціле число від 1 до 100.", result.ErrorFor(AdminSettings.AttachmentsMaxPerCardKey));
        Assert.StartsWith("Не схоже на поштовий домен: «не», «домен», «ukr».", result.ErrorFor(WorkingCalendarStore.BlockedMailDomainsKey));
        await using var check = host.Db();
        Assert.Equal([(WorkingCalendarStore.RepeatWindowDaysKey, "30")], await check.Settings.Select(s => ValueTuple.Create(s.Key, s.Value)).ToListAsync(Ct));
    }

    [Fact]
    public async Task SaveSettings_InRange_WritesEveryRow_AndReadsBack()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<SaveSettings>().HandleAsync(new(" @Mail.ru;yandex.ru  mail.ru ", 14, 48, 20, 30), host.Admin, Ct);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var view = (await host.Get<GetSettings>().HandleAsync(host.Admin, Ct)).Value!;
        Assert.Equal(new SettingsView("mail.ru, yandex.ru", 14, 48, 20, 30), view);
    }
}
