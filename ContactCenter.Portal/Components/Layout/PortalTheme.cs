using MudBlazor;

namespace ContactCenter.Portal.Components.Layout;

/// <summary>
/// The staff portal's colours. The theme's CSS is rendered once in the page's head (App.razor), not by a
/// MudThemeProvider inside each interactive session: that provider kept the whole style sheet, two themes and a
/// dark-mode watcher in the server's memory for every open page (docs/performance.md, "Circuit memory").
/// </summary>
public static class PortalTheme
{
    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0057B7",
            Secondary = "#FFD700",
            AppbarBackground = "#0057B7",
        },
    };
}
