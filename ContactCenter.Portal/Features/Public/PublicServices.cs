using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Portal.Features.Public;

public static class PublicServices
{
    /// <summary>
    /// The public side: the web form, status look-up, the applicant's confirmation, repair works for citizens, and the
    /// rate limits of the public form posts (the pipeline needs <c>app.UseRateLimiter()</c>).
    /// </summary>
    public static IServiceCollection AddPublicFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton<PublicLinks>();
        services.TryAddSingleton<PublicRateLimits>();
        services.TryAddTransient<SubmitPublicAppeal>();
        services.TryAddTransient<PublicStatusQuery>();
        services.TryAddTransient<AnswerConfirmation>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<PublicRateLimits>((options, limits) => limits.Configure(options));
        return services;
    }
}
