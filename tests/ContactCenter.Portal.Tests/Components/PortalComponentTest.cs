using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ContactCenter.Portal.Tests.Components;

/// <summary>One bUnit context with MudBlazor's services, the portal's Ukrainian texts and loose JS interop.</summary>
public abstract class PortalComponentTest : BunitContext
{
    protected PortalComponentTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("uk-UA");
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, Resources.UkrainianMudLocalizer>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
