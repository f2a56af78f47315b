using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Quartz;

namespace ContactCenter.Portal.Jobs;

public static class JobsServices
{
    /// <summary>Turns the scheduled jobs off (<c>Jobs:Enabled=false</c>): for test hosts and for an instance that must only serve pages.</summary>
    public const string EnabledKey = "Jobs:Enabled";

    /// <summary>The name every instance's scheduler shares, so that on a server database they form one cluster.</summary>
    public const string SchedulerName = "ContactCenter";

    /// <summary>
    /// The scheduled work (design decision 7): the reports that fall due, the deadline watcher, the kept figures of ended months
    /// and the retention of §2.6.
    /// On SQL Server and PostgreSQL, Quartz keeps its schedule in the portal's database (its tables are created at
    /// start) and runs clustered, so each firing runs on one instance; on SQLite, the single instance keeps the schedule
    /// in memory. Either way the archive's unique key is the guarantee underneath: a report is built once even if two
    /// schedulers fire.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        if (bool.TryParse(configuration[EnabledKey], out var enabled) && !enabled)
        {
            return services;
        }

        var providerText = configuration[DatabaseOptions.ProviderKey];
        var provider = Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) ? parsed : DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);

            // Quartz keeps real time even where the portal's clock is replaced (tests): the use cases read the portal's clock.
            q.UseTimeProvider(TimeProvider.System);
            q.UseDefaultTimeZone(DeadlinePolicy.Kyiv);
            switch (provider)
            {
                case DatabaseProvider.Postgres:
                    q.UsePersistentStore(s =>
                    {
                        s.UsePostgres(connectionString!);
                        s.UseSystemTextJsonSerializer();
                        s.UseClustering();
                        s.ProvisionSchema();
                    });
                    break;
                case DatabaseProvider.SqlServer:
                    q.UsePersistentStore(s =>
                    {
                        s.UseSqlServer(connectionString!);
                        s.UseSystemTextJsonSerializer();
                        s.UseClustering();
                        s.ProvisionSchema();
                    });
                    break;
                default:
                    q.UseInMemoryStore();
                    break;
            }

            q.ScheduleJob<ReportsDueJob>(t => t.WithIdentity("reports-due-every-minute").WithCronSchedule("0 * * * * ?"), j => j.WithIdentity(ReportsDueJob.Key));
            q.RunAtStartup(ReportsDueJob.Key);
            q.ScheduleJob<DeadlineWatcherJob>(t => t.WithIdentity("deadline-watcher-every-minute").WithCronSchedule("30 * * * * ?"), j => j.WithIdentity(DeadlineWatcherJob.Key));
            q.RunAtStartup(DeadlineWatcherJob.Key);
            // Five minutes into each day, so a month is kept minutes after it ends.
            q.ScheduleJob<ClosedMonthsJob>(t => t.WithIdentity("closed-months-nightly").WithCronSchedule("0 5 0 * * ?"), j => j.WithIdentity(ClosedMonthsJob.Key));
            q.RunAtStartup(ClosedMonthsJob.Key);
            q.ScheduleJob<RetentionJob>(t => t.WithIdentity("retention-nightly").WithCronSchedule("0 30 3 * * ?"), j => j.WithIdentity(RetentionJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
