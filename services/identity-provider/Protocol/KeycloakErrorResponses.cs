using Microsoft.AspNetCore;
using OpenIddict.Server;
using RealGuard.IdentityProvider.Realms;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// Shapes OpenIddict's error responses as Keycloak's: <c>{"error": "...", "error_description": "..."}</c> with Keycloak's
/// wording, and no <c>error_uri</c> pointing at OpenIddict's documentation.
/// </summary>
public sealed class KeycloakErrorResponses<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
{
    public const int ResponseShapingOrder = 50_000;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<KeycloakErrorResponses<TContext>>()
            // After OpenIddict attached the error, before the ASP.NET Core host sets the status, headers and body.
            .SetOrder(ResponseShapingOrder)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        var response = context.Transaction.Response;
        if (response is null || string.IsNullOrEmpty(response.Error))
        {
            return default;
        }

        if (response.ErrorUri is Endpoints.OpenIddictResults.OwnErrorUri)
        {
            response.ErrorUri = null;
            return default;
        }
        var id = response.ErrorUri?.Split('/').LastOrDefault();
        var grantType = context.Transaction.Request?.GrantType;
        if (response.Error is Errors.InvalidClient)
        {
            // Keycloak's ClientIdAndSecretAuthenticator: an unknown client is invalid_client; a known confidential client
            // with a missing or wrong secret is unauthorized_client.
            var request = context.Transaction.Request;
            var http = context.Transaction.GetHttpRequest()?.HttpContext;
            var client = http is null ? null : RealmCatalog.Current(http)?.FindClient(request?.ClientId);
            if (client is { IsPublic: false })
            {
                response.Error = Errors.UnauthorizedClient;
                response.ErrorDescription = string.IsNullOrEmpty(request?.ClientSecret) && http?.Request.Headers.Authorization.Count is 0
                    ? ClientAuthentication.SecretMissing : ClientAuthentication.InvalidCredentials;
            }
            else
            {
                response.ErrorDescription = ClientAuthentication.InvalidCredentials;
            }
        }
        else if (response.Error is Errors.UnauthorizedClient && id is "ID2064")
        {
            response.ErrorDescription = grantType switch
            {
                GrantTypes.Password => "Client not allowed for direct access grants",
                GrantTypes.ClientCredentials => "Client not enabled to retrieve service account",
                GrantTypes.AuthorizationCode => "Client not allowed to exchange code",
                _ => response.ErrorDescription,
            };
        }
        else if (response.Error is Errors.UnsupportedGrantType)
        {
            response.ErrorDescription = "Unsupported grant_type";
        }
        else if (response.Error is Errors.InvalidRequest && grantType is GrantTypes.AuthorizationCode &&
                 response.ErrorDescription?.Contains(Parameters.CodeVerifier, StringComparison.Ordinal) is true)
        {
            response.Error = Errors.InvalidGrant;
            response.ErrorDescription = "PKCE code verifier not specified";
        }
        else if (response.Error is Errors.InvalidToken && context.EndpointType is OpenIddictServerEndpointType.UserInfo)
        {
            response.ErrorDescription = "Token verification failed";
        }
        else if (response.Error is Errors.InvalidGrant)
        {
            response.ErrorDescription = (id, grantType) switch
            {
                ("ID2052", _) when context.Transaction.Request?.CodeVerifier is not null => "PKCE verification failed: Code mismatch",
                ("ID2029", GrantTypes.AuthorizationCode) when response.ErrorDescription?.Contains(Parameters.CodeVerifier) is true => "PKCE code verifier not specified",
                ("ID2072", _) => "Incorrect redirect_uri",
                (_, GrantTypes.AuthorizationCode) => "Code not valid",
                (_, GrantTypes.RefreshToken) => "Token is not active",
                _ => response.ErrorDescription,
            };
        }
        response.ErrorUri = null;
        return default;
    }
}
