using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContactCenter.Infrastructure.Identity;
using ContactCenter.Portal.Auth;
using ContactCenter.Portal.Features.Admin;
using ContactCenter.Portal.Features.Open311;
using ContactCenter.Portal.Features.RepairWorks;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace ContactCenter.Portal;

public static class PortalServices
{
    /// <summary>The session of a signed-in person: sliding, ends after this much inactivity.</summary>
    public static readonly TimeSpan SessionTimeout = TimeSpan.FromHours(8);

    /// <summary>The Blazor Server portal: interactive server components, MudBlazor, Ukrainian culture, sign-in.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        var ukrainian = CultureInfo.GetCultureInfo("uk-UA");
        CultureInfo.DefaultThreadCurrentCulture = ukrainian;
        CultureInfo.DefaultThreadCurrentUICulture = ukrainian;

        // Ukrainian text goes to the browser as text, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.ShowCloseIcon = true;
        });

        services.AddTransient<MudLocalizer, Resources.UkrainianMudLocalizer>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cc.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = SessionTimeout;
            o.SlidingExpiration = true;
        });
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        services.AddAuthorization();
        services.AddScoped<CurrentUser>();

        // Use cases: one class each, opened on a fresh DbContext per call (design decision 3).
        services.AddTransient<Features.Intake.RegisterAppeal>();
        services.AddTransient<Features.Intake.IntakeLookups>();
        services.AddTransient<Features.Appeals.CardCommand>();
        services.AddTransient<Features.Appeals.CardActions>();
        services.AddTransient<Features.Appeals.AddAttachment>();
        services.AddTransient<Features.Appeals.CardDetailsQuery>();
        services.AddTransient<Features.Queue.QueueQuery>();
        services.AddTransient<Features.Control.ControlQueries>();
        services.AddTransient<Features.Control.BlockApplicant>();
        services.AddTransient<Features.Reports.ReportBuilder>();
        services.AddMemoryCache();
        services.AddTransient<Features.Dashboard.DashboardQuery>();
        services.AddTransient<Features.Dashboard.ClosedMonthQuery>();
        services.AddTransient<Features.Wallboard.WallboardQuery>();
        Features.Reports.ReportsServices.AddReports(services);
        services.AddAdminFeatures();
        services.AddRepairWorkFeatures();
        services.AddOpen311();

        // Live card events: one dispatcher per instance tails the outbox for the circuits and the hub here.
        services.AddSignalR();
        services.AddSingleton<Realtime.OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Realtime.OutboxDispatcher>());
        services.AddSingleton<Realtime.OverdueWatcher>();
        return services;
    }
}
