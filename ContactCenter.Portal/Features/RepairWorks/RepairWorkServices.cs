using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Portal.Features.RepairWorks;

public static class RepairWorkServices
{
    /// <summary>The repair-works use cases (§3.1): one class each, on a fresh DbContext per call (design decision 3).</summary>
    public static IServiceCollection AddRepairWorkFeatures(this IServiceCollection services)
    {
        services.TryAddTransient<RepairWorkCommand>();
        services.TryAddTransient<RegisterRepairWork>();
        services.TryAddTransient<StartRepairWork>();
        services.TryAddTransient<RescheduleRepairWork>();
        services.TryAddTransient<ExtendRepairWork>();
        services.TryAddTransient<CompleteRepairWork>();
        services.TryAddTransient<CancelRepairWork>();
        services.TryAddTransient<RepairWorksQuery>();
        return services;
    }
}
