using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealGuard.IdentityProvider.Pages;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// RP-initiated logout. OpenIddict checks <c>id_token_hint</c> and <c>post_logout_redirect_uri</c> against the client;
/// this ends the SSO session, revokes its tokens, notifies the clients over the back channel, then redirects.
/// Without <c>id_token_hint</c> the user confirms first, as in Keycloak (a link alone cannot log anyone out).
/// </summary>
public static class LogoutEndpoint
{
    public static IEndpointRouteBuilder MapLogoutEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/protocol/openid-connect/logout", [HttpMethods.Get, HttpMethods.Post], LogoutAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SessionStore sessions, SessionGrants grants, BackchannelLogout backchannel)
    {
        var realm = RealmCatalog.Required(http);
        if (http.GetOpenIddictServerResponse() is { Error: not null } error)
        {
            return KeycloakPages.Error(realm.DisplayName, error.ErrorDescription?.Contains(Parameters.PostLogoutRedirectUri) is true
                ? "Invalid redirect uri" : "Invalid parameter: id_token_hint");
        }
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var hint = request.IdTokenHint is null ? null : (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;

        if (request.PostLogoutRedirectUri is not null && hint is null && request.ClientId is null)
        {
            return KeycloakPages.Error(realm.DisplayName, "Missing parameters: id_token_hint");
        }
        var confirmed = hint is not null || (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType &&
            (await http.Request.ReadFormAsync()).ContainsKey("confirmLogout"));
        if (!confirmed)
        {
            var fields = KeycloakPages.HiddenField(Parameters.ClientId, request.ClientId) +
                KeycloakPages.HiddenField(Parameters.PostLogoutRedirectUri, request.PostLogoutRedirectUri) +
                KeycloakPages.HiddenField(Parameters.State, request.State);
            return KeycloakPages.LogoutConfirmation(realm.DisplayName, $"{http.Request.PathBase}/protocol/openid-connect/logout", fields);
        }

        var sessionId = hint?.GetClaim("sid") ?? await SsoCookie.SessionIdAsync(http);
        if (await sessions.EndAsync(realm, sessionId) is { } ended)
        {
            await grants.RevokeAsync(ended);
            await backchannel.NotifyAsync(realm, ended, OpenIddictResults.Issuer(http), http.RequestAborted);
        }
        await SsoCookie.SignOutAsync(http);

        return request.PostLogoutRedirectUri is null
            ? KeycloakPages.LoggedOut(realm.DisplayName)
            : Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
