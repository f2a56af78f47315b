using ContactCenter.Domain.Common;
using ContactCenter.Portal.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Tests.Features.Admin;

public sealed class UserAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUser_WithAnExecutorRoleButNoExecutor_IsRefusedAndNoAccountMade()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<CreateUser>().HandleAsync(
            new("master@test.local", "Гуменюк Василь Петрович", null, nameof(Role.Performer), null, AdminHost.StrongPassword), host.Admin, Ct);

        Assert.Equal("Для ролі «Працівник виконавця» оберіть виконавця, до якого належить користувач.", result.Errors.Single(e => e.Code == "executor").Message);
        Assert.Null(await host.FindUserAsync("master@test.local"));
    }

    [Fact]
    public async Task CreateUser_WithAWeakPassword_ListsThePolicyInUkrainian()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<CreateUser>().HandleAsync(
            new("op2@test.local", "Петренко Олена", null, nameof(Role.Operator), null, "abc"), host.Admin, Ct);

        var messages = result.Errors.Where(e => e.Code == "password").Select(e => e.Message).ToList();
        Assert.Contains("Пароль має містити щонайменше 10 символів.", messages);
        Assert.Contains("Пароль має містити хоча б одну цифру (0–9).", messages);
        Assert.Contains("Пароль має містити хоча б одну велику латинську літеру (A–Z).", messages);
        Assert.Null(await host.FindUserAsync("op2@test.local"));
    }

    [Fact]
    public async Task CreateUser_ForAnExecutor_GivesTheRoleAndTheExecutor_AndListsThem()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<CreateUser>().HandleAsync(
            new("moroz@test.local", "Мороз Тетяна Іванівна", "Відповідальна особа", nameof(Role.ExecutorResponsible), host.Cards.Water.Id, AdminHost.StrongPassword), host.Admin, Ct);
        var again = await host.Get<CreateUser>().HandleAsync(
            new("MOROZ@test.local", "Інша", null, nameof(Role.Operator), null, AdminHost.StrongPassword), host.Admin, Ct);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.NotNull(again.ErrorFor("email"));
        var list = (await host.Get<GetUsers>().HandleAsync(new("мороз"), host.Admin, Ct)).Value!;
        var row = Assert.Single(list);
        Assert.Equal((nameof(Role.ExecutorResponsible), host.Cards.Water.Id, "Водоканал", true), (row.Role, row.ExecutorId, row.ExecutorName, row.IsActive));
    }

    [Fact]
    public async Task SetUserActive_Deactivating_SwitchesOffAndChangesTheSecurityStamp()
    {
        await using var host = await AdminHost.CreateAsync();
        var created = await host.Get<CreateUser>().HandleAsync(
            new("op@test.local", "Петренко Олена Василівна", null, nameof(Role.Operator), null, AdminHost.StrongPassword), host.Admin, Ct);
        var before = (await host.FindUserAsync("op@test.local"))!.SecurityStamp;

        var result = await host.Get<SetUserActive>().HandleAsync(new(created.Value!, false), host.Admin, Ct);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var after = await host.FindUserAsync("op@test.local");
        Assert.False(after!.IsActive);
        Assert.NotEqual(before, after.SecurityStamp);
    }

    [Fact]
    public async Task SetUserActive_OnOneself_IsRefused()
    {
        await using var host = await AdminHost.CreateAsync();

        var result = await host.Get<SetUserActive>().HandleAsync(new(host.Admin.Id, false), host.Admin, Ct);

        Assert.False(result.IsSuccess);
        Assert.True((await host.FindUserAsync(AdminHost.AdminEmail))!.IsActive);
    }

    [Fact]
    public async Task ChangeUserRole_ToAnExecutorRole_SetsExecutorAndStamp_AndToAnotherDropsTheExecutor()
    {
        await using var host = await AdminHost.CreateAsync();
        var id = (await host.Get<CreateUser>().HandleAsync(
            new("p@test.local", "Гуменюк Василь", null, nameof(Role.Operator), null, AdminHost.StrongPassword), host.Admin, Ct)).Value!;
        var stamp = (await host.FindUserAsync("p@test.local"))!.SecurityStamp;

        var missing = await host.Get<ChangeUserRole>().HandleAsync(new(id, nameof(Role.ExecutorHead), null), host.Admin, Ct);
        var head = await host.Get<ChangeUserRole>().HandleAsync(new(id, nameof(Role.ExecutorHead), host.Cards.Water.Id), host.Admin, Ct);

        Assert.NotNull(missing.ErrorFor("executor"));
        Assert.True(head.IsSuccess, string.Join("; ", head.Errors));
        var user = await host.FindUserAsync("p@test.local");
        Assert.Equal(host.Cards.Water.Id, user!.ExecutorId);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Equal(nameof(Role.ExecutorHead), (await host.Get<GetUsers>().HandleAsync(new("гуменюк"), host.Admin, Ct)).Value!.Single().Role);

        await host.Get<ChangeUserRole>().HandleAsync(new(id, nameof(Role.Mayor), host.Cards.Water.Id), host.Admin, Ct);
        Assert.Null((await host.FindUserAsync("p@test.local"))!.ExecutorId);
    }

    [Fact]
    public async Task ResetPassword_RefusesAWeakOne_AndAcceptsAStrongOne()
    {
        await using var host = await AdminHost.CreateAsync();
        var id = (await host.Get<CreateUser>().HandleAsync(
            new("r@test.local", "Руденко Віктор", null, nameof(Role.Manager), null, AdminHost.StrongPassword), host.Admin, Ct)).Value!;
        var hash = (await host.FindUserAsync("r@test.local"))!.PasswordHash;

        var weak = await host.Get<ResetUserPassword>().HandleAsync(new(id, "short"), host.Admin, Ct);
        Assert.Equal(hash, (await host.FindUserAsync("r@test.local"))!.PasswordHash);
        var strong = await host.Get<ResetUserPassword>().HandleAsync(new(id, "Novyi-Parol-7!"), host.Admin, Ct);

        Assert.Contains("Пароль має містити щонайменше 10 символів.", weak.Errors.Select(e => e.Message));
        Assert.True(strong.IsSuccess);
        Assert.NotEqual(hash, (await host.FindUserAsync("r@test.local"))!.PasswordHash);
    }

    [Fact]
    public async Task Unlock_ClearsTheLockout()
    {
        await using var host = await AdminHost.CreateAsync();
        var id = (await host.Get<CreateUser>().HandleAsync(
            new("l@test.local", "Литвин Роман", null, nameof(Role.Operator), null, AdminHost.StrongPassword), host.Admin, Ct)).Value!;
        await using (var db = host.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id, Ct);
            user.LockoutEnd = Infrastructure.Tests.Support.Cards.Now.AddMinutes(10);
            user.AccessFailedCount = 5;
            await db.SaveChangesAsync(Ct);
        }

        Assert.NotNull((await host.Get<GetUsers>().HandleAsync(new("литвин"), host.Admin, Ct)).Value!.Single().LockedOutUntil);
        var result = await host.Get<UnlockUser>().HandleAsync(new(id), host.Admin, Ct);

        Assert.True(result.IsSuccess);
        var after = await host.FindUserAsync("l@test.local");
        Assert.Null(after!.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
    }

    [Fact]
    public async Task SaveDirection_WithADeputy_AssignsTheAccountAndItsName()
    {
        await using var host = await AdminHost.CreateAsync();
        var deputy = (await host.Get<CreateUser>().HandleAsync(
            new("deputy@test.local", "Ковтун Олександр Миколайович", null, nameof(Role.Deputy), null, AdminHost.StrongPassword), host.Admin, Ct)).Value!;
        var notDeputy = (await host.Get<CreateUser>().HandleAsync(
            new("mayor@test.local", "Симоненко Андрій", null, nameof(Role.Mayor), null, AdminHost.StrongPassword), host.Admin, Ct)).Value!;

        var refused = await host.Get<SaveDirection>().HandleAsync(new(host.Cards.Direction.Id, "ЖКГ", notDeputy), host.Admin, Ct);
        var saved = await host.Get<SaveDirection>().HandleAsync(new(host.Cards.Direction.Id, "Житлово-комунальне господарство", deputy), host.Admin, Ct);

        Assert.NotNull(refused.ErrorFor("deputy"));
        Assert.True(saved.IsSuccess, string.Join("; ", saved.Errors));
        await using var db = host.Db();
        var direction = await db.Directions.SingleAsync(Ct);
        Assert.Equal((deputy, "Ковтун Олександр Миколайович"), (direction.DeputyUserId, direction.DeputyName));
    }

    [Fact]
    public async Task SaveExecutor_WithBadInput_ListsFields_AndAGoodOneIsSaved()
    {
        await using var host = await AdminHost.CreateAsync();

        var bad = await host.Get<SaveExecutor>().HandleAsync(
            new(null, "", null, Domain.Organisation.ExecutorKind.Other, null, "", "не пошта", "abc", true), host.Admin, Ct);
        var good = await host.Get<SaveExecutor>().HandleAsync(
            new(host.Cards.Roads.Id, "КП «Пирятинський благоустрій»", "Благоустрій", Domain.Organisation.ExecutorKind.UtilityCompany, host.Cards.Direction.Id, "Шевчук Олег", "blag@pyriatyn.gov.ua", "+380 5358 2-11-11", false), host.Admin, Ct);

        Assert.Equal(["name", "headName", "headEmail", "phone", "direction"], bad.Errors.Select(e => e.Code));
        Assert.True(good.IsSuccess, string.Join("; ", good.Errors));
        await using var db = host.Db();
        var roads = await db.Executors.SingleAsync(e => e.Id == host.Cards.Roads.Id, Ct);
        Assert.Equal(("КП «Пирятинський благоустрій»", "+380 5358 2-11-11", false), (roads.Name, roads.Phone, roads.IsActive));
    }
}
