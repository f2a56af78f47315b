using ContactCenter.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Hosting;

/// <summary>
/// Several instances behind a load balancer are usually started together, the first time on an empty database: each
/// finds the roles and the administrator missing, and all of them must come up with one set of each.
/// </summary>
public sealed class SimultaneousStartTests
{
    [Fact]
    public async Task ThreeInstancesStartedAtOnceOnAnEmptyDatabase_AllStart_WithOneAdministrator()
    {
        var connectionString = await PostgresDatabase.CreateDatabaseAsync("cc_start");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ContactCenter"] = connectionString,
            ["Demo:Seed"] = "false",
            ["Admin:Email"] = PortalFactory.AdminEmail,
            ["Admin:Password"] = PortalFactory.AdminPassword,
        };
        var instances = new List<PortalFactory>();
        try
        {
            var starts = Enumerable.Range(0, 3).Select(_ => Task.Run(() => PortalFactory.OnLoopback(settings))).ToList();
            foreach (var start in starts)
            {
                instances.Add(await start);
            }

            using var scope = instances[0].Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Infrastructure.Identity.PortalUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.Single(users.Users.Where(u => u.Email == PortalFactory.AdminEmail).ToList());
            Assert.Equal(Infrastructure.Identity.PortalIdentity.Roles.Count, roles.Roles.Count());
            foreach (var instance in instances)
            {
                await instance.SignInAsync(cancellationToken: TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            await PostgresDatabase.DropDatabaseAsync(connectionString);
        }
    }
}
