using ContactCenter.Portal.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Portal.Tests.Components;

public sealed class MainLayoutTests : PortalComponentTest
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/queue", false)]
    [InlineData("/queue?page=2", false)]
    [InlineData("/intake", true)]
    [InlineData("/cards/2026-000001", true)]
    [InlineData("/queue-archive", true)]
    public void ThePopoverAndDialogProviders_AreLeftOut_OnlyOnPagesWithoutThem(string address, bool needed)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(address);

        Assert.Equal(needed, MainLayout.NeedsOverlays(navigation));
    }
}
