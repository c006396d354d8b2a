using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using RealGuard.Web.Authentication;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Endpoints;

/// <summary>Login, logout and back-channel logout: small endpoints around the OpenIdConnect and cookie handlers.</summary>
public static partial class AuthenticationEndpoints
{
    public const string LoginPath = "/authentication/login";
    public const string LogoutPath = "/authentication/logout";
    public const string BackchannelLogoutPath = "/backchannel-logout";
    public const string UnavailablePath = "/identity-provider-unavailable";

    public static IEndpointRouteBuilder MapAuthenticationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, LoginAsync).AllowAnonymous();
        // Binding a form value makes the framework validate the antiforgery token (400 without one).
        endpoints.MapPost(LogoutPath, LogoutAsync).AllowAnonymous();
        endpoints.MapPost(BackchannelLogoutPath, BackchannelLogoutAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IdentityProviderStatus identityProvider, string? returnUrl = null)
    {
        var target = ReturnUrls.LocalOrRoot(returnUrl);
        if (http.User.Identity?.IsAuthenticated is true)
        {
            return Results.LocalRedirect(target);
        }

        if (!await identityProvider.IsAvailableAsync(http.RequestAborted))
        {
            return UnavailableRedirect(target);
        }

        try
        {
            await http.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = target });
            return Results.Empty;
        }
        catch (InvalidOperationException) // the handler could not fetch the discovery document after all
        {
            return UnavailableRedirect(target);
        }
    }

    private static async Task<IResult> LogoutAsync(
        HttpContext http,
        IUserSessionStore sessions,
        ITokenEndpoint tokenEndpoint,
        ILoggerFactory loggers,
        [FromForm] string? returnUrl)
    {
        var key = http.User.FindFirst(SessionClaims.SessionKey)?.Value;
        var session = key is null ? null : await sessions.GetAsync(key, http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (session is null)
        {
            return Results.LocalRedirect("/");
        }

        await sessions.RemoveAsync(session.Key);
        if (session.Tokens.RefreshToken is { } refreshToken)
        {
            await tokenEndpoint.RevokeRefreshTokenAsync(refreshToken, http.RequestAborted);
        }

        // The IAM ends its own session too (and so its SSO cookie): the next login asks for credentials again.
        http.Items[OidcEvents.IdTokenHintItem] = session.Tokens.IdentityToken;
        try
        {
            await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = ReturnUrls.LocalOrRoot(returnUrl) });
            return Results.Empty;
        }
        catch (InvalidOperationException e)
        {
            LogLocalLogoutOnly(loggers.CreateLogger(typeof(AuthenticationEndpoints)), e.GetType().Name);
            return Results.LocalRedirect("/");
        }
    }

    private static async Task<IResult> BackchannelLogoutAsync(
        HttpContext http,
        BackchannelLogoutTokenValidator validator,
        IUserSessionStore sessions,
        ILoggerFactory loggers)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        http.Response.Headers.CacheControl = "no-store";
        LogoutRequest? logout;
        try
        {
            logout = await validator.ValidateAsync(form?["logout_token"].ToString(), http.RequestAborted);
        }
        catch (IdentityProviderUnavailableException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The identity provider's keys cannot be fetched.");
        }

        if (logout is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The logout_token is missing or invalid.");
        }

        var ended = await sessions.RemoveMatchingAsync(logout.SubjectId, logout.SessionId, http.RequestAborted);
        LogBackchannelLogout(loggers.CreateLogger(typeof(AuthenticationEndpoints)), ended.Count);
        return Results.Ok();
    }

    private static IResult UnavailableRedirect(string returnUrl)
        => Results.LocalRedirect($"{UnavailablePath}?returnUrl={Uri.EscapeDataString(returnUrl)}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-channel logout ended {Count} session(s)")]
    private static partial void LogBackchannelLogout(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Logged out here only; the identity provider could not be reached ({Reason})")]
    private static partial void LogLocalLogoutOnly(ILogger logger, string reason);
}
