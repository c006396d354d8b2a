using OpenIddict.Server;
using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Protocol;
using RealGuard.IdentityProvider.Tokens;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Extensions;

/// <summary>OpenIddict configured to answer at Keycloak's URLs, with Keycloak's tokens and errors.</summary>
public static class OpenIddictServerExtensions
{
    public static IServiceCollection AddKeycloakCompatibleOpenIddict(this IServiceCollection services, KeyStore keys)
    {
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityProviderDbContext>();
                core.ReplaceApplicationManager(typeof(RealmScopedApplicationManager<>));
            })
            .AddServer(server =>
            {
                // Relative to the realm's base URI, http://host/realms/{realm} (see RealmPathBaseMiddleware).
                server.SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetAuthorizationEndpointUris("protocol/openid-connect/auth")
                    .SetTokenEndpointUris("protocol/openid-connect/token")
                    .SetJsonWebKeySetEndpointUris("protocol/openid-connect/certs")
                    .SetUserInfoEndpointUris("protocol/openid-connect/userinfo")
                    .SetEndSessionEndpointUris("protocol/openid-connect/logout")
                    .SetRevocationEndpointUris("protocol/openid-connect/revoke")
                    .SetIntrospectionEndpointUris("protocol/openid-connect/token/introspect");

                server.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .AllowPasswordFlow();

                // Scopes are Keycloak client scopes, checked per client against the realm (ResolvedScopes).
                server.DisableScopeValidation().IgnoreScopePermissions();
                server.AddSigningKey(keys.SigningKey).AddEncryptionKey(keys.EncryptionKey).DisableAccessTokenEncryption();
                // Refresh tokens: OpenIddict's stays on the server (reference token), the client gets Keycloak's JWT;
                // reuse follows the realm's revokeRefreshToken/refreshTokenMaxReuse (RefreshTokenReuse), not OpenIddict's rolling tokens.
                server.UseReferenceRefreshTokens().DisableRollingRefreshTokens();

                server.AddEventHandler(KeycloakTokenWriter.Descriptor)
                    .AddEventHandler(KeycloakTokenReader.Descriptor)
                    .AddEventHandler(KeycloakRefreshTokens.Write.Descriptor)
                    .AddEventHandler(KeycloakRefreshTokens.Read.Descriptor)
                    .AddEventHandler(SpentCodes.Remember.Descriptor)
                    .AddEventHandler(SpentCodes.SpendOnError.Descriptor)
                    .AddEventHandler(KeycloakJsonWebKeys.Descriptor)
                    .AddEventHandler(KeycloakIntrospection.RejectPublicClients.Descriptor)
                    .AddEventHandler(KeycloakIntrospection.InactiveOutsideAudience.Descriptor)
                    .AddEventHandler(KeycloakErrorStatus<ApplyTokenResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorStatus<ApplyIntrospectionResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorStatus<ApplyRevocationResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakServerHandlers.IssueRefreshTokens.Descriptor)
                    .AddEventHandler(KeycloakServerHandlers.DescribeRealm.Descriptor)
                    .AddEventHandler(KeycloakServerHandlers.IntrospectLikeKeycloak.Descriptor)
                    .AddEventHandler(KeycloakServerHandlers.ScopeFromAccessToken.Descriptor)
                    .AddEventHandler(KeycloakServerHandlers.ChallengeWithRealm.Descriptor)
                    .AddEventHandler(SingleClientIdentity<ExtractTokenRequestContext>.Descriptor)
                    .AddEventHandler(SingleClientIdentity<ExtractIntrospectionRequestContext>.Descriptor)
                    .AddEventHandler(SingleClientIdentity<ExtractRevocationRequestContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorResponses<ApplyAuthorizationResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorResponses<ApplyTokenResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorResponses<ApplyIntrospectionResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorResponses<ApplyRevocationResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorResponses<ApplyUserInfoResponseContext>.Descriptor)
                    .AddEventHandler(KeycloakErrorResponses<ApplyEndSessionResponseContext>.Descriptor);

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableErrorPassthrough()
                    // Keycloak's development mode serves plain HTTP on localhost; production terminates TLS in front.
                    .DisableTransportSecurityRequirement();
            });
        return services;
    }
}
