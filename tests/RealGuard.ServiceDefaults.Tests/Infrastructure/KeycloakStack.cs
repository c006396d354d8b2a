using RealGuard.Testing;
namespace RealGuard.ServiceDefaults.Tests.Infrastructure;

/// <summary>A fake Keycloak with one realm key, and a resource server that trusts it.</summary>
public sealed class KeycloakStack : IAsyncLifetime, IAsyncDisposable
{
    public SigningKey RealmKey { get; } = new("realm-key-1");

    public FakeKeycloak Keycloak { get; private set; } = null!;

    public ResourceServer Api { get; private set; } = null!;

    public string Issuer => Keycloak.Issuer;

    public static async Task<KeycloakStack> StartAsync()
    {
        var stack = new KeycloakStack();
        await stack.InitializeAsync();
        return stack;
    }

    public async Task InitializeAsync()
    {
        Keycloak = await FakeKeycloak.StartAsync(RealmKey);
        Api = await ResourceServer.StartAsync(Keycloak.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Keycloak.DisposeAsync();
        RealmKey.Dispose();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
