using Microsoft.AspNetCore;
using OpenIddict.Server;
using RealGuard.IdentityProvider.Realms;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>Keycloak's rules at the introspection endpoint that OpenIddict does not have.</summary>
public static class KeycloakIntrospection
{
    public const string PublicClientNotAllowed = "Client not allowed.";
    private const string OutsideAudience = "realguard:introspection_outside_audience";

    public static void MarkOutsideAudience(BaseContext context) => context.Transaction.Properties[OutsideAudience] = true;

    /// <summary>A public client may not introspect (TokenIntrospectionEndpoint.authorizeClient): 403 invalid_request.</summary>
    public sealed class RejectPublicClients : IOpenIddictServerHandler<ValidateIntrospectionRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateIntrospectionRequestContext>()
                .UseSingletonHandler<RejectPublicClients>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateIntrospectionRequestContext context)
        {
            var http = context.Transaction.GetHttpRequest()?.HttpContext;
            if (http is not null && RealmCatalog.Current(http)?.FindClient(context.ClientId) is { IsPublic: true })
            {
                context.Reject(Errors.InvalidRequest, PublicClientNotAllowed);
            }
            return default;
        }
    }

    /// <summary>A token introspected by a client outside its audience is inactive, and nothing else is said about it.</summary>
    public sealed class InactiveOutsideAudience : IOpenIddictServerHandler<ApplyIntrospectionResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
                .UseSingletonHandler<InactiveOutsideAudience>()
                .SetOrder(KeycloakErrorResponses<ApplyIntrospectionResponseContext>.ResponseShapingOrder)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyIntrospectionResponseContext context)
        {
            if (context.Transaction.Properties.ContainsKey(OutsideAudience))
            {
                foreach (var name in context.Response.GetParameters().Select(p => p.Key).ToList())
                {
                    context.Response.RemoveParameter(name);
                }
                context.Response.AddParameter(Claims.Active, false);
            }
            return default;
        }
    }
}
