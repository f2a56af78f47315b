using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Organisation;
using ContactCenter.Portal.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Admin;

public sealed class AdminAuthorizationTests
{
    public static TheoryData<string> NotAdmins => new() { "operator", "executor", "deputy", "mayor" };

    private static Actor ActorFor(string who, AdminHost host) => who switch
    {
        "operator" => AdminHost.Operator,
        "executor" => host.Cards.WaterStaff,
        "deputy" => new Actor("d-1", "Заступник", Role.Deputy),
        _ => new Actor("m-1", "Міський голова", Role.Mayor),
    };

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task EveryHandler_WhenTheActorIsNotAnAdministrator_RefusesAndChangesNothing(string who)
    {
        await using var host = await AdminHost.CreateAsync();
        var actor = ActorFor(who, host);
        var ct = TestContext.Current.CancellationToken;
        var cards = host.Cards;
        var user = await host.FindUserAsync(AdminHost.AdminEmail);
        var stamp = user!.SecurityStamp;

        var outcomes = new List<IReadOnlyList<Error>>
        {
            (await host.Get<GetClassifier>().HandleAsync(actor, ct)).Errors,
            (await host.Get<SaveClassifierSection>().HandleAsync(new(null, "99", "Новий розділ"), actor, ct)).Errors,
            (await host.Get<DeactivateClassifierSection>().HandleAsync(new(cards.Section.Id), actor, ct)).Errors,
            (await host.Get<SaveClassifierProblem>().HandleAsync(new(null, "01.999", "Нове питання", cards.Section.Id, cards.Water.Id, 3, TermUnit.Days, false, null, null), actor, ct)).Errors,
            (await host.Get<SetClassifierProblemActive>().HandleAsync(new(cards.Problem.Id, false), actor, ct)).Errors,
            (await host.Get<SetClassifierRoute>().HandleAsync(new(cards.Problem.Id, Guid.NewGuid(), cards.Roads.Id), actor, ct)).Errors,
            (await host.Get<RemoveClassifierRoute>().HandleAsync(new(cards.Problem.Id, Guid.NewGuid()), actor, ct)).Errors,
            (await host.Get<ExportClassifier>().HandleAsync(actor, ct)).Errors,
            (await host.Get<ImportClassifier>().HandleAsync(new(new MemoryStream()), actor, ct)).Errors,
            (await host.Get<GetOrganisation>().HandleAsync(actor, ct)).Errors,
            (await host.Get<SaveExecutor>().HandleAsync(new(null, "Нове КП", null, ExecutorKind.UtilityCompany, cards.Direction.Id, "Директор", null, null, true), actor, ct)).Errors,
            (await host.Get<SaveDirection>().HandleAsync(new(null, "Новий напрямок", null), actor, ct)).Errors,
            (await host.Get<GetUsers>().HandleAsync(new(null), actor, ct)).Errors,
            (await host.Get<CreateUser>().HandleAsync(new("new@test.local", "Нова Особа", null, "Admin", null, AdminHost.StrongPassword), actor, ct)).Errors,
            (await host.Get<ChangeUserRole>().HandleAsync(new(user.Id, "Operator", null), actor, ct)).Errors,
            (await host.Get<SetUserActive>().HandleAsync(new(user.Id, false), actor, ct)).Errors,
            (await host.Get<ResetUserPassword>().HandleAsync(new(user.Id, "Inshyi-Parol-1!"), actor, ct)).Errors,
            (await host.Get<UnlockUser>().HandleAsync(new(user.Id), actor, ct)).Errors,
            (await host.Get<GetCalendar>().HandleAsync(new(2026), actor, ct)).Errors,
            (await host.Get<SaveCalendarDay>().HandleAsync(new(new DateOnly(2026, 3, 9), CalendarDayKind.DayOff, "Вихідний"), actor, ct)).Errors,
            (await host.Get<RemoveCalendarDay>().HandleAsync(new(new DateOnly(2026, 3, 9)), actor, ct)).Errors,
            (await host.Get<FillStateHolidays>().HandleAsync(new(2026), actor, ct)).Errors,
            (await host.Get<SetHolidaysAreDaysOff>().HandleAsync(new(true), actor, ct)).Errors,
            (await host.Get<GetSettings>().HandleAsync(actor, ct)).Errors,
            (await host.Get<SaveSettings>().HandleAsync(new("mail.ru", 30, 24, 10, 20), actor, ct)).Errors,
        };

        Assert.All(outcomes, errors => Assert.Equal([AdminErrors.NotAdmin], errors));
        await using var db = host.Db();
        Assert.Equal(1, await db.ClassifierSections.CountAsync(ct));
        Assert.Equal(1, await db.ClassifierProblems.CountAsync(p => p.IsActive, ct));
        Assert.Equal(2, await db.Executors.CountAsync(ct));
        Assert.Equal(1, await db.Directions.CountAsync(ct));
        Assert.Equal(1, await db.Users.CountAsync(ct));
        Assert.Equal(0, await db.CalendarDays.CountAsync(ct));
        Assert.Equal(0, await db.Settings.CountAsync(ct));
        var after = await host.FindUserAsync(AdminHost.AdminEmail);
        Assert.True(after!.IsActive);
        Assert.Equal(stamp, after.SecurityStamp);
    }
}
