using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RealGuard.Web.Authentication;

/// <summary>The realm's discovery document and signing keys, through the OpenIdConnect handler's own cached configuration manager.</summary>
public class IdentityProviderMetadata(IOptionsMonitor<OpenIdConnectOptions> oidcOptions)
{
    private OpenIdConnectOptions Options => oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);

    /// <exception cref="IdentityProviderUnavailableException">The discovery document cannot be fetched.</exception>
    public virtual async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken = default)
    {
        var manager = Options.ConfigurationManager
            ?? throw new InvalidOperationException("The OpenIdConnect handler has no configuration manager.");
        try
        {
            return await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new IdentityProviderUnavailableException("The identity provider's discovery document cannot be fetched.", e);
        }
    }

    /// <summary>Asks for the document again on next use (e.g. a token signed with a key not seen yet).</summary>
    public virtual void RequestRefresh() => Options.ConfigurationManager?.RequestRefresh();
}
