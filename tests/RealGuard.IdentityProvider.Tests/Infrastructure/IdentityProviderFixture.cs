using Duende.IdentityModel.Client;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>The one identity provider most tests share (start-up takes a few seconds).</summary>
public sealed class IdentityProviderFixture : IAsyncLifetime
{
    private TestIdentityProvider? idp;
    private DiscoveryDocumentResponse? disco;

    public TestIdentityProvider Idp => idp ?? throw new InvalidOperationException("The identity provider has not started.");

    public DiscoveryDocumentResponse Disco => disco ?? throw new InvalidOperationException("The identity provider has not started.");

    public Oidc Oidc => new(Idp, Disco);

    public async Task InitializeAsync()
    {
        // realm-export.json as it is, except that realguard-web's back-channel logout URL is cleared: it names
        // http://localhost:5080, where a stack running beside the tests may listen. The back-channel test runs
        // its own IdP with its own receiver.
        idp = await TestIdentityProvider.StartAsync(realm =>
            realm.Client(TestClients.Web.ClientId).Attributes()["backchannel.logout.url"] = "");
        disco = await idp.DiscoverAsync();
    }

    public async Task DisposeAsync()
    {
        if (idp is not null)
        {
            await idp.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityProviderCollection : ICollectionFixture<IdentityProviderFixture>
{
    public const string Name = "identity provider";
}
