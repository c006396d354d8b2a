using System.Net;
using Duende.IdentityModel.Client;
using RealGuard.Web.Authentication;

namespace RealGuard.Web.Tokens;

/// <summary>Refresh and revocation with Duende.IdentityModel, at the endpoints the realm's discovery document names.</summary>
public sealed class KeycloakTokenEndpoint(
    IHttpClientFactory httpClients,
    IdentityProviderMetadata metadata,
    KeycloakSettings settings,
    ILogger<KeycloakTokenEndpoint> logger) : ITokenEndpoint
{
    /// <summary>A client without retries: a refresh is either answered now or reported as unavailable.</summary>
    public const string HttpClientName = "identity-provider";

    public async Task<RefreshResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        TokenResponse response;
        try
        {
            var configuration = await metadata.GetAsync(cancellationToken);
            response = await httpClients.CreateClient(HttpClientName).RequestRefreshTokenAsync(new RefreshTokenRequest
            {
                Address = configuration.TokenEndpoint,
                ClientId = settings.ClientId,
                ClientSecret = settings.ClientSecret,
                RefreshToken = refreshToken,
            }, cancellationToken);
        }
        catch (IdentityProviderUnavailableException e)
        {
            return RefreshResult.Unavailable(e.Message);
        }

        if (!response.IsError && response.AccessToken is { Length: > 0 } accessToken)
        {
            var refreshExpiresIn = response.TryGet("refresh_expires_in") is { } value && int.TryParse(value, out var seconds) ? seconds : (int?)null;
            return RefreshResult.Refreshed(new TokenEndpointResponse(accessToken, response.RefreshToken, response.IdentityToken, response.ExpiresIn, refreshExpiresIn));
        }

        // 400/401 with an OAuth error: the IAM looked at the grant and said no (session ended, token revoked, client refused).
        if (response.ErrorType == ResponseErrorType.Protocol && response.HttpStatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            logger.LogInformation("The identity provider refused a refresh: {Error} {Description}", response.Error, response.ErrorDescription);
            return RefreshResult.Refused(response.Error ?? "invalid_grant");
        }

        logger.LogWarning("Token refresh failed: {ErrorType} {Status} {Error}", response.ErrorType, (int)response.HttpStatusCode, response.Exception?.Message ?? response.Error);
        return RefreshResult.Unavailable(response.Error ?? response.ErrorType.ToString());
    }

    public async Task<bool> RevokeRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await metadata.GetAsync(cancellationToken);
            var endpoint = configuration.AdditionalData.TryGetValue("revocation_endpoint", out var address)
                ? address switch
                {
                    string text => text,
                    System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => json.GetString(),
                    _ => null,
                }
                : null;
            if (endpoint is null)
            {
                return false;
            }

            var response = await httpClients.CreateClient(HttpClientName).RevokeTokenAsync(new TokenRevocationRequest
            {
                Address = endpoint,
                ClientId = settings.ClientId,
                ClientSecret = settings.ClientSecret,
                Token = refreshToken,
                TokenTypeHint = "refresh_token",
            }, cancellationToken);
            if (response.IsError)
            {
                logger.LogWarning("Refresh token revocation failed: {Error}", response.Error);
            }

            return !response.IsError;
        }
        catch (IdentityProviderUnavailableException)
        {
            logger.LogWarning("Refresh token revocation skipped: the identity provider is unavailable");
            return false;
        }
    }
}
