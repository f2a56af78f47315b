namespace ContactCenter.Portal.Features.Admin;

public static class AdminServices
{
    /// <summary>The administration area's use cases: one class each, a fresh DbContext (or identity scope) per call.</summary>
    public static IServiceCollection AddAdminFeatures(this IServiceCollection services)
    {
        services.AddTransient<GetClassifier>();
        services.AddTransient<SaveClassifierSection>();
        services.AddTransient<DeactivateClassifierSection>();
        services.AddTransient<SaveClassifierProblem>();
        services.AddTransient<SetClassifierProblemActive>();
        services.AddTransient<SetClassifierRoute>();
        services.AddTransient<RemoveClassifierRoute>();
        services.AddTransient<ExportClassifier>();
        services.AddTransient<ImportClassifier>();

        services.AddTransient<GetOrganisation>();
        services.AddTransient<SaveExecutor>();
        services.AddTransient<SaveDirection>();

        services.AddTransient<GetUsers>();
        services.AddTransient<CreateUser>();
        services.AddTransient<ChangeUserRole>();
        services.AddTransient<SetUserActive>();
        services.AddTransient<ResetUserPassword>();
        services.AddTransient<UnlockUser>();

        services.AddTransient<GetCalendar>();
        services.AddTransient<SaveCalendarDay>();
        services.AddTransient<RemoveCalendarDay>();
        services.AddTransient<FillStateHolidays>();
        services.AddTransient<SetHolidaysAreDaysOff>();

        services.AddTransient<GetSettings>();
        services.AddTransient<SaveSettings>();
        return services;
    }
}
