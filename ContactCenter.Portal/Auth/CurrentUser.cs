using ContactCenter.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace ContactCenter.Portal.Auth;

/// <summary>The person behind the current circuit or request, as the domain's <see cref="Actor"/>.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    /// <summary>The actor, or null when nobody is signed in.</summary>
    public async Task<Actor?> GetActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return PortalClaims.ToActor(state.User);
    }
}
