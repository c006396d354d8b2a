using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Gateway.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RealStackCollection : ICollectionFixture<RealStack>
{
    public const string Name = "gateway in front of the RealGuard services";
}

/// <summary>
/// RealGuard as its AppHost runs it (identity provider, the three services with demo data, the gateway), minus the
/// web app, on free ports. The IAM and security-system-service log every request they receive, so the
/// tests can tell what reached them.
/// </summary>
public sealed class RealStack : IAsyncLifetime
{
    private const string RequestLogging = "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics";

    internal StackLog Log => new(Stack);

    internal RealGuardApp Stack { get; private set; } = null!;

    internal ApiCaller Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new RealGuardAppOptions();
        options.AdjustRealm = TestClients.AddTo;
        options.WithEnvironment(Keycloak, RequestLogging, "Information");
        options.WithEnvironment(SecuritySystemService, RequestLogging, "Information");
        GatewaySettings.ApplyTo(options, StackResources.Gateway);

        Stack = await RealGuardApp.StartAsync(options);
        Api = new ApiCaller(Stack.Url(StackResources.Gateway), Stack.Authority);
    }

    /// <summary>
    /// Whether security-system-service received a request whose URL contains <paramref name="marker"/>. Asked only
    /// after a later request with <paramref name="control"/> shows up in its log: the log keeps order, so a request
    /// that had arrived before it would be there too.
    /// </summary>
    internal async Task<bool> SecuritySystemServiceSawAsync(string marker, string control)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(50))
        {
            var lines = Log.All(SecuritySystemService);
            if (lines.Any(line => line.Contains(control, StringComparison.Ordinal)))
            {
                return lines.Any(line => line.Contains(marker, StringComparison.Ordinal));
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The control request {control} never showed up in security-system-service's log.");
    }

    public async Task DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}
