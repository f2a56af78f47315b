using ContactCenter.Portal.Features.Deadlines;
using ContactCenter.Portal.Features.Retention;

namespace ContactCenter.Portal.Features.Reports;

public static class ReportsServices
{
    /// <summary>The report archive, its delivery and the on-demand builds; the deadline watcher's and the retention's use cases.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddTransient<IReportContent, ReportBuilderContent>();
        services.AddTransient<BuildReport>();
        services.AddTransient<ScheduledReports>();
        services.AddTransient<KeepClosedMonths>();
        services.AddTransient<ReportsQuery>();
        services.AddSingleton<ReportInbox>();
        services.AddSingleton<OnDemandReports>();
        services.AddTransient<MarkAtRiskCards>();
        services.AddTransient<FlagOverrunRepairWorks>();
        services.AddTransient<RemoveExpiredCards>();
        return services;
    }
}
