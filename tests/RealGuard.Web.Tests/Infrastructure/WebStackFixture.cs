using RealGuard.DevHost;
using static RealGuard.DevHost.StackResources;
using RealGuard.Testing;

namespace RealGuard.Web.Tests.Infrastructure;

/// <summary>
/// The identity provider and the web app as real processes (the local stack runner), with access tokens that live
/// <see cref="AccessTokenLifetimeSeconds"/> seconds, and a recording stand-in where security-system-service would be.
/// </summary>
public sealed class WebStackFixture : IAsyncLifetime
{
    public const int AccessTokenLifetimeSeconds = 3;

    public LocalStack Stack { get; private set; } = default!;

    public RecordingService Service { get; private set; } = default!;

    public string WebUrl => Stack.Url(StackResources.Web);

    public async Task InitializeAsync()
    {
        Service = await RecordingService.StartAsync();
        var realGuard = RealGuardStack.Define();
        var definition = realGuard with
        {
            Parts = [realGuard[Keycloak], realGuard[StackResources.Web] with { References = [Keycloak] }],
        };
        var options = LocalStackOptions.ForTests();
        options.AdjustRealm = realm => realm["accessTokenLifespan"] = AccessTokenLifetimeSeconds;
        options.WithEnvironment(StackResources.Web, StackConfigKeys.ServiceHttpEndpoint(SecuritySystemService), Service.Url);
        options.WithEnvironment(StackResources.Web, "Session__RevalidationInterval", "00:00:01");
        Stack = await LocalStack.StartAsync(definition, options);
    }

    public async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        await Service.DisposeAsync();
    }

    /// <summary>Token requests of the web client with this grant type, as the identity provider logged them.</summary>
    public int TokenRequests(string grantType)
        => Stack.RecentLogs(Keycloak).Count(line => line.Contains($"Token request: grant_type={grantType} client_id=realguard-web", StringComparison.Ordinal));
}

[CollectionDefinition(Name)]
public sealed class WebStackCollection : ICollectionFixture<WebStackFixture>
{
    public const string Name = "Web stack";
}
