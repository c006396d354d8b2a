using Microsoft.AspNetCore;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Pages;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// RP-initiated logout, as Keycloak's <c>LogoutEndpoint</c>. OpenIddict checks <c>id_token_hint</c> and
/// <c>post_logout_redirect_uri</c> against the client; this ends the SSO session, revokes its tokens, notifies the clients
/// over the back channel, then redirects. Without <c>id_token_hint</c> the user confirms first, on a form carrying a
/// session code (a cross-site form cannot log anyone out); without a session there is nothing to confirm and the
/// redirect follows at once. A POST with a <c>refresh_token</c> is the non-browser logout (<see cref="TokenLogout"/>).
/// </summary>
public static class LogoutEndpoint
{
    private const string SessionCodeField = "session_code";
    private const string SessionCodePurpose = "RealGuard.IdentityProvider.LogoutConfirmation";

    public static IEndpointRouteBuilder MapLogoutEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/protocol/openid-connect/logout", [HttpMethods.Get, HttpMethods.Post], LogoutAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SessionStore sessions, SessionGrants grants, BackchannelLogout backchannel,
        KeyStore keys, IOpenIddictTokenManager tokens, IDataProtectionProvider dataProtection)
    {
        var realm = RealmCatalog.Required(http);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        if (form is not null && form.ContainsKey(Parameters.RefreshToken))
        {
            return await TokenLogout.LogoutAsync(http, realm, form, keys, tokens, sessions, grants, backchannel);
        }
        // Keycloak refuses the pre-18 parameter rather than ignore it.
        if (http.Request.Query.ContainsKey(Parameters.RedirectUri) || form?.ContainsKey(Parameters.RedirectUri) is true)
        {
            return KeycloakPages.Error(realm.DisplayName, "Invalid parameter: redirect_uri");
        }
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

        var session = await sessions.FindActiveAsync(realm, hint?.GetClaim("sid") ?? await SsoCookie.SessionIdAsync(http));
        if (session is not null && hint is null)
        {
            var protector = dataProtection.CreateProtector(SessionCodePurpose).ToTimeLimitedDataProtector();
            var confirmed = form?.ContainsKey("confirmLogout") is true && SessionCodeMatches(protector, form[SessionCodeField], session.Id);
            if (!confirmed)
            {
                var fields = KeycloakPages.HiddenField(SessionCodeField, protector.Protect(session.Id, TimeSpan.FromMinutes(30))) +
                    KeycloakPages.HiddenField(Parameters.ClientId, request.ClientId) +
                    KeycloakPages.HiddenField(Parameters.PostLogoutRedirectUri, request.PostLogoutRedirectUri) +
                    KeycloakPages.HiddenField(Parameters.State, request.State);
                return KeycloakPages.LogoutConfirmation(realm.DisplayName, $"{http.Request.PathBase}/protocol/openid-connect/logout", fields);
            }
        }

        if (session is not null)
        {
            await EndSessionAsync(http, realm, session, sessions, grants, backchannel);
        }
        await SsoCookie.SignOutAsync(http);

        return request.PostLogoutRedirectUri is null
            ? KeycloakPages.LoggedOut(realm.DisplayName)
            : Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// As Keycloak does: the clients hear of the logout (back channel) while the session still stands, and only then
    /// does it end with its grants, so a client's refresh racing the logout is not what ends that client's session.
    /// </summary>
    internal static async Task EndSessionAsync(HttpContext http, Realm realm, UserSession session, SessionStore sessions,
        SessionGrants grants, BackchannelLogout backchannel)
    {
        await backchannel.NotifyAsync(realm, session, OpenIddictResults.Issuer(http), http.RequestAborted);
        if (await sessions.EndAsync(realm, session.Id) is { } ended)
        {
            await grants.RevokeAsync(ended);
        }
    }

    private static bool SessionCodeMatches(ITimeLimitedDataProtector protector, string? code, string sessionId)
    {
        try
        {
            return code is not null && protector.Unprotect(code) == sessionId;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
