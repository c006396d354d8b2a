using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Tokens;

/// <summary>
/// Writes access and ID tokens as Keycloak does (header <c>typ: JWT</c>, Keycloak's claim set, no OpenIddict claims),
/// before OpenIddict's own JWT writer runs. The <c>jti</c> of an access token is OpenIddict's token entry id,
/// which is how OpenIddict finds its state for the token on introspection, revocation and userinfo.
/// </summary>
public sealed class KeycloakTokenWriter(RealmCatalog realms, UserDirectory users) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseScopedHandler<KeycloakTokenWriter>()
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        var kind = context.TokenType switch
        {
            TokenTypeIdentifiers.AccessToken => TokenKind.Access,
            TokenTypeIdentifiers.IdentityToken => TokenKind.Id,
            _ => (TokenKind?)null,
        };
        if (kind is null || !string.IsNullOrEmpty(context.Token))
        {
            return;
        }

        var subject = await KeycloakPrincipal.ResolveAsync(context.Principal, realms, users, context.CancellationToken)
            ?? throw new InvalidOperationException("The token's realm, client or user no longer exists.");

        var payload = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["exp"] = context.Principal.GetExpirationDate()!.Value.ToUnixTimeSeconds(),
            ["iat"] = context.Principal.GetCreationDate()!.Value.ToUnixTimeSeconds(),
        };
        if (kind is TokenKind.Id && subject.AuthTime is { } authTime)
        {
            payload["auth_time"] = authTime.ToUnixTimeSeconds();
        }
        payload["jti"] = (kind is TokenKind.Access ? context.Principal.GetTokenId() : null) ?? Guid.NewGuid().ToString();
        payload["iss"] = context.Principal.GetClaim(Claims.Private.Issuer) ?? context.BaseUri!.AbsoluteUri;
        foreach (var (name, value) in KeycloakClaims.Build(subject, kind.Value))
        {
            payload[name] = value;
        }
        if (kind is TokenKind.Id)
        {
            // OpenIddict computed these for the ID token; Keycloak carries them too.
            foreach (var name in new[] { Claims.Nonce, Claims.AccessTokenHash, Claims.CodeHash })
            {
                if (context.Principal.GetClaim(name) is { } value)
                {
                    payload[name] = value;
                }
            }
        }

        context.Token = context.SecurityTokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = payload,
            SigningCredentials = context.SigningCredentials,
            TokenType = JsonWebTokenTypes.GenericJsonWebToken,
        });
    }
}
