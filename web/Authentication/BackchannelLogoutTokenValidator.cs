using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RealGuard.Web.Authentication;

/// <summary>
/// Validates an OpenID Connect Back-Channel Logout token (spec section 2.6): signed by the realm's key, issued
/// by the realm, for this client, current, carrying the back-channel logout event and a sid or sub, and no nonce
/// (so an ID token can never pass as a logout token).
/// </summary>
public sealed class BackchannelLogoutTokenValidator(IdentityProviderMetadata metadata, KeycloakSettings settings, ILogger<BackchannelLogoutTokenValidator> logger)
{
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<LogoutRequest?> ValidateAsync(string? logoutToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(logoutToken) || !Handler.CanReadToken(logoutToken))
        {
            return Reject("not a JWT");
        }

        var result = await ValidateSignedAsync(logoutToken, cancellationToken);
        if (result is { IsValid: false, Exception: SecurityTokenSignatureKeyNotFoundException })
        {
            // Signed with a key the cached JWKS does not have yet (rotation): fetch the keys once more.
            metadata.RequestRefresh();
            result = await ValidateSignedAsync(logoutToken, cancellationToken);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Reject(result.Exception?.GetType().Name ?? "invalid");
        }

        if (!HasLogoutEvent(token))
        {
            return Reject("no back-channel logout event");
        }

        if (token.TryGetPayloadValue<object>("nonce", out _))
        {
            return Reject("nonce present");
        }

        if (token.TryGetPayloadValue<string>("typ", out var type) && type != "Logout")
        {
            return Reject("typ claim is not Logout");
        }

        if (!token.TryGetPayloadValue<long>("iat", out _))
        {
            return Reject("no iat");
        }

        var subject = token.TryGetPayloadValue<string>("sub", out var sub) && sub.Length > 0 ? sub : null;
        var sessionId = token.TryGetPayloadValue<string>("sid", out var sid) && sid.Length > 0 ? sid : null;
        if (subject is null && sessionId is null)
        {
            return Reject("neither sid nor sub");
        }

        return new LogoutRequest(subject, sessionId);
    }

    private async Task<TokenValidationResult> ValidateSignedAsync(string logoutToken, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetAsync(cancellationToken);
        return await Handler.ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = settings.Authority,
            ValidAudience = settings.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            // The spec's explicit type; Keycloak before 26 sent plain JWT.
            ValidTypes = ["logout+jwt", "JWT"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384],
        });
    }

    private static bool HasLogoutEvent(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<JsonElement>("events", out var events))
        {
            return false;
        }

        return events.ValueKind == JsonValueKind.Object && events.TryGetProperty(LogoutEvent, out var logoutEvent)
            && logoutEvent.ValueKind == JsonValueKind.Object;
    }

    private LogoutRequest? Reject(string reason)
    {
        logger.LogWarning("Back-channel logout token rejected: {Reason}", reason);
        return null;
    }
}

/// <summary>Whose sessions a logout token ends: the IAM session <paramref name="SessionId"/>, or every session of <paramref name="SubjectId"/>.</summary>
public sealed record LogoutRequest(string? SubjectId, string? SessionId);
