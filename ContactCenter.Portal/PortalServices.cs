using System.Globalization;
using MudBlazor;
using MudBlazor.Services;

namespace ContactCenter.Portal;

public static class PortalServices
{
    /// <summary>The Blazor Server portal: interactive server components, MudBlazor, Ukrainian culture.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        var ukrainian = CultureInfo.GetCultureInfo("uk-UA");
        CultureInfo.DefaultThreadCurrentCulture = ukrainian;
        CultureInfo.DefaultThreadCurrentUICulture = ukrainian;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.ShowCloseIcon = true;
        });
        return services;
    }
}
