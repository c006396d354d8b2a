using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Tokens;

/// <summary>
/// Reads the Keycloak-shaped access and ID tokens that <see cref="KeycloakTokenWriter"/> wrote, when they come back
/// (userinfo, introspection, revocation, <c>id_token_hint</c>): validates signature and issuer, then hands OpenIddict
/// a principal with its token type and token entry id, so its own checks (revoked, expired, presenter) still run.
/// </summary>
public sealed class KeycloakTokenReader : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<KeycloakTokenReader>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not null || string.IsNullOrEmpty(context.Token) || !context.SecurityTokenHandler.CanReadToken(context.Token))
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
            return; // not a JWT after all: OpenIddict rejects it
        }
        var type = jwt.TryGetPayloadValue<string>("typ", out var typ) ? typ : null;
        var tokenType = type switch
        {
            "Bearer" => TokenTypeIdentifiers.AccessToken,
            "ID" => TokenTypeIdentifiers.IdentityToken,
            _ => null,
        };
        if (tokenType is null || jwt.Typ != JsonWebTokenTypes.GenericJsonWebToken ||
            (context.ValidTokenTypes.Count > 0 && !context.ValidTokenTypes.Contains(tokenType)))
        {
            return;
        }

        var parameters = context.TokenValidationParameters.Clone();
        parameters.ValidTypes = [JsonWebTokenTypes.GenericJsonWebToken];
        var result = await context.SecurityTokenHandler.ValidateTokenAsync(context.Token, parameters);
        if (!result.IsValid)
        {
            context.Reject(error: Errors.InvalidToken, description: "Token verification failed");
            return;
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        principal.SetTokenType(tokenType);
        if (tokenType is TokenTypeIdentifiers.AccessToken)
        {
            principal.SetTokenId(jwt.Id);
        }
        context.Principal = principal;
    }
}
