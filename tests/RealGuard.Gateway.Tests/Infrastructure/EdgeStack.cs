using System.Net;
using System.Net.Sockets;
using RealGuard.AppHost;
using RealGuard.Testing;
using RealGuard.Testing.AppHost;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Gateway.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class EdgeStackCollection : ICollectionFixture<EdgeStack>
{
    public const string Name = "gateway in front of recording services";
}

/// <summary>
/// The identity provider and the gateway as real processes, the gateway forwarding to <see cref="RecordingService"/>s
/// in the test process, so the tests see exactly what a service receives. customer-service and
/// security-system-service record; notification-service points at a port nothing listens on.
/// </summary>
public sealed class EdgeStack : IAsyncLifetime
{
    public const string Gateway = "gateway";
    public const int MaxRequestBodySize = 4096;

    private readonly List<IAsyncDisposable> owned = [];

    internal StackLog Log => new(Stack);

    internal RealGuardApp Stack { get; private set; } = null!;

    internal RecordingService Customers { get; private set; } = null!;

    internal RecordingService SecuritySystems { get; private set; } = null!;

    internal IEnumerable<RecordingService> Services => [Customers, SecuritySystems];

    public string GatewayUrl => Stack.Url(Gateway);

    public string Authority => Stack.Authority;

    internal ApiCaller Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Customers = await RecordingService.StartAsync(CustomerService);
        owned.Add(Customers);
        SecuritySystems = await RecordingService.StartAsync(SecuritySystemService);
        owned.Add(SecuritySystems);

        var options = new RealGuardAppOptions();
        options.AdjustRealm = TestClients.AddTo;
        options.WithEnvironment(Keycloak, "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        options.WithEnvironment(Gateway, StackConfigKeys.ServiceHttpEndpoint(CustomerService), Customers.Url);
        options.WithEnvironment(Gateway, StackConfigKeys.ServiceHttpEndpoint(SecuritySystemService), SecuritySystems.Url);
        options.WithEnvironment(Gateway, StackConfigKeys.ServiceHttpEndpoint(NotificationService), $"http://127.0.0.1:{UnusedPort()}");
        options.WithEnvironment(Gateway, "Kestrel__Limits__MaxRequestBodySize", MaxRequestBodySize.ToString());
        GatewaySettings.ApplyTo(options, Gateway);
        options.WithoutWaitingFor(Gateway, Keycloak); // ColdSigningKeysTests restarts the gateway while the IAM is down

        Stack = await RealGuardApp.StartAsync(options);
        owned.Insert(0, Stack);

        Api = new ApiCaller(GatewayUrl, Authority);
        owned.Insert(0, Api);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in owned)
        {
            await disposable.DisposeAsync();
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
