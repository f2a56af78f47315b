using ContactCenter.Infrastructure.Files;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The database (provider from <c>Database:Provider</c>, connection from <c>ConnectionStrings:ContactCenter</c>),
    /// the clock, the identity stores and the start-up initialiser.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseOptions.From(configuration, contentRoot);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Events.OutboxSignal>();
        services.AddSingleton<ReferenceDataChanges>();
        services.AddSingleton<ReferenceData>();

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddPooledDbContextFactory<SqliteContactCenterDbContext>((sp, o) => database.Configure(o).AddInterceptors(sp.GetRequiredService<Events.OutboxSignal>(), sp.GetRequiredService<ReferenceDataChanges>()));
                services.AddSingleton<IDbContextFactory<ContactCenterDbContext>, ContactCenterDbContextFactory<SqliteContactCenterDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddPooledDbContextFactory<SqlServerContactCenterDbContext>((sp, o) => database.Configure(o).AddInterceptors(sp.GetRequiredService<Events.OutboxSignal>(), sp.GetRequiredService<ReferenceDataChanges>()));
                services.AddSingleton<IDbContextFactory<ContactCenterDbContext>, ContactCenterDbContextFactory<SqlServerContactCenterDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresContactCenterDbContext>((sp, o) => database.Configure(o).AddInterceptors(sp.GetRequiredService<Events.OutboxSignal>(), sp.GetRequiredService<ReferenceDataChanges>()));
                services.AddSingleton<IDbContextFactory<ContactCenterDbContext>, ContactCenterDbContextFactory<PostgresContactCenterDbContext>>();
                break;
        }

        // Identity's stores need a scoped context; everything else opens its own from the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ContactCenterDbContext>>().CreateDbContext());

        services.AddIdentityCore<PortalUser>(PortalIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<UkrainianIdentityErrorDescriber>()
            .AddEntityFrameworkStores<ContactCenterDbContext>();

        services.AddSingleton<WorkingCalendarStore>();
        services.AddReportStore(configuration, contentRoot);
        services.AddSingleton(Mail.MailOptions.Read(configuration));
        services.AddSingleton<Mail.MailSender>();
        services.AddHostedService<Mail.MailDispatcher>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}

/// <summary>Hands out the provider's context as the provider-neutral base type.</summary>
internal sealed class ContactCenterDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ContactCenterDbContext>
    where TContext : ContactCenterDbContext
{
    public ContactCenterDbContext CreateDbContext() => inner.CreateDbContext();
}
