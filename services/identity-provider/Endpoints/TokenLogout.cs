using OpenIddict.Abstractions;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Protocol;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using RealGuard.IdentityProvider.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// Keycloak's non-browser logout: <c>POST /logout</c> with a <c>refresh_token</c> and the client's credentials ends the
/// token's SSO session and answers 204; errors are JSON, as from the token endpoint.
/// </summary>
public static class TokenLogout
{
    public static async Task<IResult> LogoutAsync(HttpContext http, Realm realm, IFormCollection form, KeyStore keys,
        IOpenIddictTokenManager tokens, SessionStore sessions, SessionGrants grants, BackchannelLogout backchannel)
    {
        var authenticated = ClientAuthentication.Authenticate(http.Request, realm, form);
        if (authenticated.Client is not { } client)
        {
            return authenticated.Error!;
        }
        var refreshToken = form[Parameters.RefreshToken].ToString();
        if (refreshToken.Length == 0)
        {
            return Error(Errors.InvalidRequest, "No refresh token");
        }
        var jwt = await KeycloakRefreshTokens.ValidateAsync(refreshToken, keys, OpenIddictResults.Issuer(http));
        var entry = jwt is null ? null : await tokens.FindByIdAsync(jwt.Id);
        if (jwt is null || entry is null || !await tokens.HasStatusAsync(entry, Statuses.Valid))
        {
            return Error(Errors.InvalidGrant, "Invalid refresh token");
        }
        if (!jwt.TryGetPayloadValue<string>("azp", out var azp) || azp != client.ClientId)
        {
            return Error(Errors.InvalidGrant, "Invalid refresh token. Token client and authorized client don't match");
        }
        if (jwt.TryGetPayloadValue<string>("sid", out var sid) && await sessions.FindActiveAsync(realm, sid) is { } session)
        {
            await LogoutEndpoint.EndSessionAsync(http, realm, session, sessions, grants, backchannel);
        }
        return Results.NoContent();
    }

    private static IResult Error(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
