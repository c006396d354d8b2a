using Microsoft.AspNetCore.Components.Authorization;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Authentication;

/// <summary>
/// The session key of the current user, from the authentication state: in a circuit that is the circuit's state,
/// during prerendering the request's user. Scoped, so it belongs to one circuit or one request.
/// </summary>
public sealed class CurrentUserSession(AuthenticationStateProvider authenticationState)
{
    /// <exception cref="UserSessionEndedException">No signed-in user.</exception>
    public async Task<string> GetKeyAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return state.User.FindFirst(SessionClaims.SessionKey)?.Value ?? throw new UserSessionEndedException("Not signed in.");
    }
}
