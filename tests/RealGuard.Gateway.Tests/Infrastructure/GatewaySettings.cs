using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>The gateway's configuration in the tests: limits high enough for the bursts, one client with a small one.</summary>
internal static class GatewaySettings
{
    public static void ApplyTo(RealGuardAppOptions options, string gateway)
    {
        options.WithEnvironment(gateway, "Gateway__RateLimit__PermitLimit", "100000");
        options.WithEnvironment(gateway, $"Gateway__RateLimit__Clients__{TestClients.Limited}__PermitLimit", TestClients.RateLimit.ToString());
        options.WithEnvironment(gateway, $"Gateway__RateLimit__Clients__{TestClients.Limited}__Window", TestClients.RateWindow.ToString("c"));
    }
}
