using Microsoft.AspNetCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Tokens;

/// <summary>
/// Refresh tokens as Keycloak writes them: a JWT signed with the realm's HMAC key (HS512), payload <c>typ: Refresh</c>,
/// <c>iss</c>, <c>aud</c> (the realm), <c>sub</c>, <c>azp</c>, <c>sid</c>, <c>scope</c>, <c>exp</c> at the end of the SSO
/// session. OpenIddict's own refresh token stays on the server: it is stored as a reference token whose entry id is the
/// JWT's <c>jti</c>, and put back in place of the JWT when one comes in.
/// </summary>
public static class KeycloakRefreshTokens
{
    public const string RefreshType = "Refresh";

    /// <summary>Replaces the reference identifier OpenIddict just created with the Keycloak-shaped JWT.</summary>
    public sealed class Write(KeyStore keys, RefreshTokenReuse reuse) : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
                .UseSingletonHandler<Write>()
                .SetOrder(OpenIddictServerHandlers.Protection.AttachTokenPayload.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (context.TokenType is not TokenTypeIdentifiers.RefreshToken || context.Principal.GetTokenId() is not { } tokenId ||
                context.Transaction.GetHttpRequest()?.HttpContext is not { } http || RealmCatalog.Current(http) is not { } realm)
            {
                return default;
            }
            var principal = context.Principal;
            var issuer = Endpoints.OpenIddictResults.Issuer(http);
            var payload = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["exp"] = principal.GetExpirationDate()!.Value.ToUnixTimeSeconds(),
                ["iat"] = principal.GetCreationDate()!.Value.ToUnixTimeSeconds(),
                ["jti"] = tokenId,
                ["iss"] = issuer,
                ["aud"] = issuer,
                ["sub"] = principal.GetClaim(Claims.Subject)!,
                ["typ"] = RefreshType,
                ["azp"] = KeycloakPrincipal.ClientId(principal)!,
            };
            if (KeycloakPrincipal.SessionId(principal) is { } sid)
            {
                payload["sid"] = sid;
            }
            payload["scope"] = KeycloakClaims.Scope(realm, KeycloakPrincipal.ClientScopes(principal), principal.HasScope(Scopes.OpenId));

            if (principal.GetAuthorizationId() is { } clientSession)
            {
                reuse.Issued(realm, clientSession, tokenId);
            }
            context.Token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Claims = payload,
                SigningCredentials = new SigningCredentials(keys.RefreshTokenKey, SecurityAlgorithms.HmacSha512),
                TokenType = JsonWebTokenTypes.GenericJsonWebToken,
            });
            return default;
        }
    }

    /// <summary>A refresh token's signature, issuer, type and expiry checked; null when it is not one of this realm's.</summary>
    public static async Task<JsonWebToken?> ValidateAsync(string? token, KeyStore keys, string issuer)
    {
        var handler = new JsonWebTokenHandler();
        if (string.IsNullOrEmpty(token) || !handler.CanReadToken(token))
        {
            return null;
        }
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = keys.RefreshTokenKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha512],
            ValidIssuer = issuer,
            ValidateAudience = false,
            ClockSkew = TimeSpan.Zero,
        });
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("typ", out var typ) && typ == RefreshType
            ? jwt : null;
    }

    /// <summary>A Keycloak-shaped refresh token coming back: checked, then swapped for OpenIddict's stored token.</summary>
    public sealed class Read(KeyStore keys, IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        private static readonly JsonWebTokenHandler Handler = new();

        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseScopedHandler<Read>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateReferenceTokenIdentifier.Descriptor.Order + 100)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is not null || string.IsNullOrEmpty(context.Token) || !Handler.CanReadToken(context.Token) ||
                (context.ValidTokenTypes.Count > 0 && !context.ValidTokenTypes.Contains(TokenTypeIdentifiers.RefreshToken)))
            {
                return;
            }
            JsonWebToken jwt;
            try
            {
                jwt = new JsonWebToken(context.Token);
            }
            catch (ArgumentException)
            {
                return;
            }
            if (!jwt.TryGetPayloadValue<string>("typ", out var typ) || typ != RefreshType)
            {
                return;
            }

            var result = await Handler.ValidateTokenAsync(context.Token, new TokenValidationParameters
            {
                IssuerSigningKey = keys.RefreshTokenKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha512],
                ValidIssuers = context.TokenValidationParameters.ValidIssuers ?? [context.TokenValidationParameters.ValidIssuer],
                ValidateAudience = false,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.Zero,
            });
            var entry = result.IsValid ? await tokens.FindByIdAsync(jwt.Id) : null;
            var payload = entry is null ? null : await tokens.GetPayloadAsync(entry);
            if (entry is null || string.IsNullOrEmpty(payload) || !await tokens.HasTypeAsync(entry, TokenTypeIdentifiers.RefreshToken))
            {
                context.Reject(error: Errors.InvalidToken, description: "Invalid refresh token");
                return;
            }
            // From here on OpenIddict validates its own token: expiry, status, authorization, presenter.
            context.Token = payload;
            context.TokenId = await tokens.GetIdAsync(entry);
            context.IsReferenceToken = true;
        }
    }
}
