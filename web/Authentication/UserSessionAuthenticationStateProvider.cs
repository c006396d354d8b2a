using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using RealGuard.Web.Sessions;

namespace RealGuard.Web.Authentication;

/// <summary>
/// A circuit's authentication state, checked against the server-side session every few seconds: once the session
/// is gone (logout in another tab, back-channel logout, a refused refresh) the circuit's user is signed out and
/// the pages ask for a new login.
/// </summary>
public sealed class UserSessionAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IUserSessionStore sessions,
    TimeProvider time,
    IOptions<UserSessionOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
        => authenticationState.User.FindFirst(SessionClaims.SessionKey)?.Value is { } key
            && await sessions.GetAsync(key, cancellationToken) is { } session
            && session.ExpiresAt > time.GetUtcNow();

    /// <summary>A call found the session over: sign the circuit out now rather than at the next revalidation.</summary>
    public void SignOutEndedSession()
        => SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
}
