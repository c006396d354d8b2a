using OpenIddict.Abstractions;
using RealGuard.IdentityProvider.Realms;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>Registers every realm client with OpenIddict at start-up, so the realm file stays the one source of truth.</summary>
public static class ClientRegistrations
{
    public static async Task SynchronizeAsync(IOpenIddictApplicationManager applications, RealmCatalog realms, CancellationToken cancellationToken = default)
    {
        foreach (var client in realms.All.SelectMany(r => r.Clients.Values))
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    public static OpenIddictApplicationDescriptor Describe(RealmClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = RealmScopedApplicationManager<object>.StoredClientId(client.Realm.Name, client.ClientId),
            DisplayName = client.Representation.Name ?? client.ClientId,
            ClientType = client.IsPublic ? ClientTypes.Public : ClientTypes.Confidential,
            // A confidential client without a secret in the export cannot authenticate, as in Keycloak.
            ClientSecret = client.IsPublic ? null : client.Secret ?? Guid.NewGuid().ToString("N"),
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection]);

        if (client.StandardFlowEnabled)
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code]);
            foreach (var uri in client.RedirectUris.Where(IsAbsolute))
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }
            foreach (var uri in client.PostLogoutRedirectUris.Where(IsAbsolute))
            {
                descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }
            if (client.RequiresPkceS256)
            {
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }
        if (client.DirectAccessGrantsEnabled)
        {
            descriptor.Permissions.UnionWith([Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken]);
        }
        if (client.ServiceAccountsEnabled)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }
        return descriptor;
    }

    // Keycloak's wildcard redirect URIs ("http://host/*") have no OpenIddict equivalent; RealGuard registers exact URIs.
    private static bool IsAbsolute(string uri) => !uri.Contains('*') && Uri.TryCreate(uri, UriKind.Absolute, out _);
}
