using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// A failed code exchange (wrong PKCE verifier, wrong redirect_uri, ...) spends the code, as Keycloak removes a code
/// before it checks the request: a second try with the right values gets "Code not valid". OpenIddict alone would only
/// spend a code on success.
/// </summary>
public static class SpentCodes
{
    private const string CodeTokenId = "realguard:code_token_id";

    /// <summary>Remembers which code the request presented, once OpenIddict has read it.</summary>
    public sealed class Remember : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
                .UseSingletonHandler<Remember>()
                .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            if (context.Request.IsAuthorizationCodeGrantType() && context.AuthorizationCodePrincipal?.GetTokenId() is { } id)
            {
                context.Transaction.Properties[CodeTokenId] = id;
            }
            return default;
        }
    }

    /// <summary>Revokes the presented code when the token response is an error.</summary>
    public sealed class SpendOnError(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
                .UseScopedHandler<SpendOnError>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (string.IsNullOrEmpty(context.Response.Error) ||
                !context.Transaction.Properties.TryGetValue(CodeTokenId, out var value) || value is not string id ||
                await tokens.FindByIdAsync(id) is not { } code)
            {
                return;
            }
            await tokens.TryRevokeAsync(code);
        }
    }
}
