using Microsoft.AspNetCore;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealGuard.IdentityProvider.Pages;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Tokens;
using RealGuard.IdentityProvider.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// The authorization endpoint and its login form. OpenIddict validates the request (client, redirect URI, PKCE);
/// this code decides who the user is: an active SSO session, or the credentials typed into the login form.
/// </summary>
public static class AuthorizationEndpoints
{
    private const string AuthSessionCookie = "AUTH_SESSION_ID";
    private const string LoginProtectorPurpose = "RealGuard.IdentityProvider.LoginTab";

    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/protocol/openid-connect/auth", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        endpoints.MapPost("/login-actions/authenticate", AuthenticateAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserDirectory users, SessionStore sessions, SessionGrants grants, IDataProtectionProvider dataProtection)
    {
        var realm = RealmCatalog.Required(http);
        if (http.GetOpenIddictServerResponse() is { Error: not null } error)
        {
            // Errors about the client or its redirect URI are shown here, never sent anywhere;
            // any other error goes back to the (validated) redirect URI, as Keycloak does.
            var attempted = http.GetOpenIddictServerRequest();
            var redirectable = realm.FindClient(attempted?.ClientId) is { } known && LoopbackRedirect.Matches(known.RedirectUris, attempted?.RedirectUri);
            return redirectable
                ? Results.Redirect(QueryHelpers.AddQueryString(attempted!.RedirectUri!, new Dictionary<string, string?>
                {
                    [Parameters.Error] = error.Error,
                    [Parameters.ErrorDescription] = error.ErrorDescription?.Contains(Parameters.CodeChallenge, StringComparison.Ordinal) is true
                        ? "Missing parameter: code_challenge_method" : error.ErrorDescription,
                    [Parameters.State] = attempted.State,
                    [Parameters.Iss] = OpenIddictResults.Issuer(http),
                }.Where(p => p.Value is not null)))
                : KeycloakPages.Error(realm.DisplayName, ErrorMessage(error));
        }
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var client = realm.FindClient(request.ClientId)!;

        if (client.RequiresPkceS256 && request.CodeChallengeMethod != CodeChallengeMethods.Sha256)
        {
            return OpenIddictResults.Reject(Errors.InvalidRequest, "Invalid parameter: code_challenge_method");
        }
        var scopes = ResolvedScopes.For(client, request.GetScopes());
        if (scopes.Invalid.Count > 0)
        {
            return OpenIddictResults.Reject(Errors.InvalidScope, scopes.InvalidDescription);
        }

        var session = await sessions.FindActiveAsync(realm, await SsoCookie.SessionIdAsync(http));
        var user = session is null ? null : await users.FindByIdAsync(realm, session.UserId);
        var fresh = session is not null && SsoCookie.ConsumeFreshLogin(http, session.Id);
        var mustLogin = !fresh && (request.HasPromptValue(PromptValues.Login) ||
            (request.MaxAge is { } maxAge && session is not null && DateTimeOffset.UtcNow - session.StartedAt > TimeSpan.FromSeconds(maxAge)));

        if (session is not null && user is { Enabled: true } && !mustLogin)
        {
            await sessions.AddClientAsync(session, client.ClientId);
            var principal = KeycloakPrincipal.Create(client, user, session, scopes.ClientScopes, scopes.OpenId, fresh ? "1" : "0",
                sessionExpiresAt: sessions.ExpiresAt(realm, session));
            await grants.AttachAsync(principal, client, session);
            // Keycloak adds the session to the authorization response unless the client opted out.
            var parameters = client.Attribute("exclude.session.state.from.auth.response") == "true"
                ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["session_state"] = session.Id };
            return Results.SignIn(principal, new AuthenticationProperties(new Dictionary<string, string?>(), parameters),
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.HasPromptValue(PromptValues.None))
        {
            return OpenIddictResults.Reject(Errors.LoginRequired, "Login required");
        }

        var authSessionId = http.Request.Cookies[AuthSessionCookie] ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(AuthSessionCookie, authSessionId, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Path = http.Request.PathBase.Value ?? "/",
        });
        var query = http.Request.HasFormContentType
            ? QueryString.Create((await http.Request.ReadFormAsync()).Select(f => KeyValuePair.Create(f.Key, f.Value))).Value!
            : http.Request.QueryString.Value ?? "";
        var tab = Protector(dataProtection).Protect(JsonSerializer.Serialize(new LoginTab(query, authSessionId)), TimeSpan.FromMinutes(30));
        return KeycloakPages.Login(realm.DisplayName, LoginAction(http, client.ClientId, tab), username: request.LoginHint, error: null);
    }

    private static async Task<IResult> AuthenticateAsync(HttpContext http, PasswordLogin passwordLogin, SessionStore sessions, IDataProtectionProvider dataProtection,
        string? client_id, string? tab_id)
    {
        var realm = RealmCatalog.Required(http);
        var tab = ReadTab(dataProtection, tab_id);
        if (tab is null || tab.AuthSessionId != http.Request.Cookies[AuthSessionCookie] || !http.Request.HasFormContentType)
        {
            return KeycloakPages.Error(realm.DisplayName, "Your login attempt timed out. Login will start from the beginning.");
        }

        var form = await http.Request.ReadFormAsync();
        var username = form["username"].ToString();
        var login = await passwordLogin.AuthenticateAsync(realm, username, form["password"].ToString(), http.Connection.RemoteIpAddress?.ToString());
        if (login is not { Outcome: LoginOutcome.Success, User: { } user })
        {
            return KeycloakPages.Login(realm.DisplayName, LoginAction(http, client_id ?? "", tab_id!), username,
                login.Outcome is LoginOutcome.AccountDisabled ? KeycloakPages.AccountDisabled : KeycloakPages.InvalidCredentials);
        }

        var session = await sessions.StartAsync(realm, user.Id);
        await SsoCookie.SignInAsync(http, user.Id, session.Id);
        // Back to the authorization endpoint, which now finds the session. Its URL is rebuilt from our own
        // protected copy of the request, never from input, so this cannot redirect anywhere else.
        return Results.Redirect($"{http.Request.PathBase}/protocol/openid-connect/auth{tab.Query}");
    }


    private static string ErrorMessage(OpenIddictResponse error) => error.ErrorDescription switch
    {
        { } d when d.Contains(Parameters.RedirectUri, StringComparison.Ordinal) => "Invalid parameter: redirect_uri",
        { } d when d.Contains(Parameters.ClientId, StringComparison.Ordinal) => "Client not found.",
        { } d when d.Contains(Parameters.ResponseType, StringComparison.Ordinal) => "Invalid parameter: response_type",
        _ => "Invalid Request",
    };

    private static string LoginAction(HttpContext http, string clientId, string tab) =>
        $"{http.Request.PathBase}/login-actions/authenticate{QueryString.Create([KeyValuePair.Create("client_id", (string?)clientId), KeyValuePair.Create("tab_id", (string?)tab)])}";

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider) =>
        provider.CreateProtector(LoginProtectorPurpose).ToTimeLimitedDataProtector();

    private static LoginTab? ReadTab(IDataProtectionProvider provider, string? tab)
    {
        if (string.IsNullOrEmpty(tab))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<LoginTab>(Protector(provider).Unprotect(tab));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record LoginTab(string Query, string AuthSessionId);
}
