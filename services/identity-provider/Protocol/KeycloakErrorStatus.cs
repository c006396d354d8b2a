using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// Keycloak's status codes where they differ from OpenIddict's: a known client with a wrong or missing secret is
/// 401 <c>unauthorized_client</c> (OpenIddict would say 400 for that error code), and a public client at the
/// introspection endpoint is 403.
/// </summary>
public sealed class KeycloakErrorStatus<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<KeycloakErrorStatus<TContext>>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachHttpResponseCode<TContext>.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        var error = context.Transaction.Response;
        var response = context.Transaction.GetHttpRequest()?.HttpContext.Response;
        if (error is null || response is null)
        {
            return default;
        }
        if (error.Error is Errors.UnauthorizedClient && error.ErrorDescription is ClientAuthentication.InvalidCredentials or ClientAuthentication.SecretMissing)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else if (error.ErrorDescription is KeycloakIntrospection.PublicClientNotAllowed)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return default;
    }
}
