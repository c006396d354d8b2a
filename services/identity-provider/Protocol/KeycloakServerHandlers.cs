using Microsoft.AspNetCore;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using RealGuard.IdentityProvider.Realms;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>Small differences between OpenIddict's defaults and Keycloak's behaviour, one handler each.</summary>
public static class KeycloakServerHandlers
{
    /// <summary>Keycloak returns a refresh token with every user grant, not only when <c>offline_access</c> was asked for.</summary>
    public sealed class IssueRefreshTokens : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
                .UseSingletonHandler<IssueRefreshTokens>()
                .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessSignInContext context)
        {
            if (context.EndpointType is OpenIddictServerEndpointType.Token)
            {
                var issue = !context.Request.IsClientCredentialsGrantType();
                (context.GenerateRefreshToken, context.IncludeRefreshToken) = (issue, issue);
            }
            return default;
        }
    }

    /// <summary>The discovery document's realm-specific and Keycloak-specific entries.</summary>
    public sealed class DescribeRealm : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
                .UseSingletonHandler<DescribeRealm>()
                .SetOrder(int.MaxValue - 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            var realm = context.Transaction.GetHttpRequest() is { } request ? RealmCatalog.Current(request.HttpContext) : null;
            if (realm is not null)
            {
                context.Scopes.Clear();
                context.Scopes.UnionWith(realm.ClientScopes.Keys.Prepend(Scopes.OpenId));
            }
            context.CodeChallengeMethods.Clear();
            context.CodeChallengeMethods.UnionWith([CodeChallengeMethods.Plain, CodeChallengeMethods.Sha256]);
            context.Metadata["backchannel_logout_supported"] = true;
            context.Metadata["backchannel_logout_session_supported"] = true;
            context.Metadata["frontchannel_logout_supported"] = false;
            return default;
        }
    }

    /// <summary>The token response's <c>scope</c> is the access token's own, as in Keycloak (not OpenIddict's internal scopes).</summary>
    public sealed class ScopeFromAccessToken : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
                .UseSingletonHandler<ScopeFromAccessToken>()
                .SetOrder(KeycloakErrorResponses<ApplyTokenResponseContext>.ResponseShapingOrder)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (context.Response.AccessToken is { } token && new JsonWebTokenHandler().CanReadToken(token) &&
                new JsonWebToken(token).TryGetPayloadValue<string>(Claims.Scope, out var scope))
            {
                context.Response.Scope = scope;
            }
            return default;
        }
    }

    /// <summary>Keycloak names the realm in its Bearer challenge: <c>Bearer realm="realguard", error="invalid_token", ...</c>.</summary>
    public sealed class ChallengeWithRealm : IOpenIddictServerHandler<ApplyUserInfoResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyUserInfoResponseContext>()
                .UseSingletonHandler<ChallengeWithRealm>()
                .SetOrder(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers.AttachWwwAuthenticateHeader<ApplyUserInfoResponseContext>.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyUserInfoResponseContext context)
        {
            var http = context.Transaction.GetHttpRequest()?.HttpContext;
            var realm = http is null ? null : RealmCatalog.Current(http);
            var challenge = http?.Response.Headers.WWWAuthenticate.ToString();
            if (realm is not null && challenge is { Length: > 0 } && challenge.StartsWith("Bearer ", StringComparison.Ordinal) && !challenge.Contains("realm="))
            {
                http!.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm.Name}\", " + challenge["Bearer ".Length..];
            }
            return default;
        }
    }

    /// <summary>
    /// Keycloak's introspection answers with the token's own claims plus <c>client_id</c>, <c>username</c> and <c>token_type</c>,
    /// to a client in the token's <c>aud</c>; to any other client the token is inactive.
    /// </summary>
    public sealed class IntrospectLikeKeycloak : IOpenIddictServerHandler<HandleIntrospectionRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleIntrospectionRequestContext>()
                .UseSingletonHandler<IntrospectLikeKeycloak>()
                .SetOrder(int.MaxValue - 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleIntrospectionRequestContext context)
        {
            if (context.GenericTokenPrincipal?.GetTokenType() is not TokenTypeIdentifiers.AccessToken || context.Request.Token is not { } token)
            {
                return default;
            }
            // Keycloak 26.6.2+: only a client in the access token's audience sees it active, and learns nothing else.
            var audiences = context.GenericTokenPrincipal.GetAudiences();
            if (context.Request.ClientId is not { } caller || !audiences.Contains(caller))
            {
                KeycloakIntrospection.MarkOutsideAudience(context);
                return default;
            }
            using var payload = JsonDocument.Parse(Base64UrlDecode(new JsonWebToken(token).EncodedPayload));
            foreach (var claim in payload.RootElement.EnumerateObject())
            {
                context.Claims[claim.Name] = new OpenIddictParameter(claim.Value.Clone());
            }
            context.Claims[Claims.ClientId] = context.GenericTokenPrincipal.GetClaim(Claims.AuthorizedParty);
            context.Claims[Claims.Username] = context.GenericTokenPrincipal.GetClaim(Claims.PreferredUsername);
            context.Claims[Claims.TokenType] = TokenTypes.Bearer;
            context.Claims[Claims.Active] = true;
            context.Claims.Remove(Claims.TokenUsage);
            context.Claims.Remove(Claims.NotBefore);
            return default;
        }

        private static string Base64UrlDecode(string value) => System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value));
    }
}
