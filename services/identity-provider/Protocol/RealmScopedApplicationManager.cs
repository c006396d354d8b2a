using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// Client ids are unique per realm, not per server (every realm has an <c>account</c> client). OpenIddict's
/// applications are therefore stored as <c>{realm}/{clientId}</c>, and looked up in the realm of the current request.
/// </summary>
public sealed class RealmScopedApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    IHttpContextAccessor httpContextAccessor)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store) where TApplication : class
{
    public static string StoredClientId(string realm, string clientId) => realm + "/" + clientId;

    public override ValueTask<TApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var realm = httpContextAccessor.HttpContext is { } context ? RealmCatalog.Current(context) : null;
        return realm is null || identifier.StartsWith(realm.Name + "/", StringComparison.Ordinal)
            ? base.FindByClientIdAsync(identifier, cancellationToken)
            : base.FindByClientIdAsync(StoredClientId(realm.Name, identifier), cancellationToken);
    }

    /// <summary>As Keycloak: a loopback redirect URI matches a registered one on any port (<see cref="LoopbackRedirect"/>).</summary>
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default) =>
        await base.ValidateRedirectUriAsync(application, uri, cancellationToken) ||
        LoopbackRedirect.Matches(await GetRedirectUrisAsync(application, cancellationToken), uri);
}
