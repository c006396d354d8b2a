using System.Text;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// A request that names one client in the form (<c>client_id</c>) and authenticates as another (<c>Authorization:
/// Basic</c>) is refused, as Keycloak refuses it (it authenticates the form's client with the header's secret).
/// OpenIddict alone would quietly take the header's client.
/// </summary>
public sealed class SingleClientIdentity<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseValidatingContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<SingleClientIdentity<TContext>>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractBasicAuthenticationCredentials<TContext>.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        var formClientId = context.Transaction.Request?.ClientId;
        string? header = context.Transaction.GetHttpRequest()?.Headers.Authorization;
        if (string.IsNullOrEmpty(formClientId) || header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var headerClientId = Uri.UnescapeDataString(credentials.Split(':', 2)[0]);
            if (!string.Equals(headerClientId, formClientId, StringComparison.Ordinal))
            {
                context.Reject(Errors.InvalidClient, "Invalid client or Invalid client credentials");
            }
        }
        catch (FormatException)
        {
            // Not base64: OpenIddict's own extraction rejects it.
        }
        return default;
    }
}
