using RealGuard.AppHost;
using RealGuard.Testing;
using RealGuard.Testing.AppHost;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Web.Tests.Infrastructure;

/// <summary>
/// The identity provider and the web app as real processes (started by the AppHost), with access tokens that live
/// <see cref="AccessTokenLifetimeSeconds"/> seconds, and a recording stand-in where security-system-service would be.
/// </summary>
public sealed class WebStackFixture : IAsyncLifetime
{
    public const int AccessTokenLifetimeSeconds = 3;

    public RealGuardApp Stack { get; private set; } = default!;

    public RecordingService Service { get; private set; } = default!;

    public string WebUrl => Stack.Url(StackResources.Web);

    public async Task InitializeAsync()
    {
        Service = await RecordingService.StartAsync();
        var options = new RealGuardAppOptions();
        options.AdjustRealm = realm => realm["accessTokenLifespan"] = AccessTokenLifetimeSeconds;
        options.WithEnvironment(StackResources.Web, StackConfigKeys.ServiceHttpEndpoint(SecuritySystemService), Service.Url);
        options.WithEnvironment(StackResources.Web, "Session__RevalidationInterval", "00:00:01");
        Stack = await RealGuardApp.StartAsync(options);
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
        => Stack.Logs(Keycloak).Count(line => line.Contains($"Token request: grant_type={grantType} client_id=realguard-web", StringComparison.Ordinal));
}

[CollectionDefinition(Name)]
public sealed class WebStackCollection : ICollectionFixture<WebStackFixture>
{
    public const string Name = "Web stack";
}
