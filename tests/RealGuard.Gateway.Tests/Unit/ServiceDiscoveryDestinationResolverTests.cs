using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;
using RealGuard.Gateway.Forwarding;
using Yarp.ReverseProxy.Configuration;

namespace RealGuard.Gateway.Tests.Unit;

public sealed class ServiceDiscoveryDestinationResolverTests
{
    [Fact]
    public async Task A_logical_destination_resolves_to_the_endpoints_the_configuration_names()
    {
        await using var services = ServiceDiscovery(new()
        {
            ["services:customer-service:http:0"] = "http://localhost:5201",
            ["services:security-system-service:http:0"] = "http://127.0.0.1:6202",
            ["services:security-system-service:http:1"] = "http://127.0.0.1:6203",
        });
        var resolver = new ServiceDiscoveryDestinationResolver(services.GetRequiredService<ServiceEndpointResolver>());

        var resolved = await resolver.ResolveDestinationsAsync(new Dictionary<string, DestinationConfig>
        {
            ["customer-service"] = new() { Address = "http://customer-service" },
            ["security-system-service"] = new() { Address = "http://security-system-service/base/" },
        }, CancellationToken.None);

        var destinations = resolved.Destinations.Values.OrderBy(destination => destination.Address).ToList();
        Assert.Equal(
            ["http://127.0.0.1:6202/base/", "http://127.0.0.1:6203/base/", "http://localhost:5201/"],
            destinations.Select(destination => destination.Address));
        Assert.Equal(["security-system-service", "security-system-service", "customer-service"], destinations.Select(destination => destination.Host));
        Assert.NotNull(resolved.ChangeToken);
    }

    [Fact]
    public async Task An_address_that_is_not_a_service_name_stays_as_it_is()
    {
        await using var services = ServiceDiscovery([]);
        var resolver = new ServiceDiscoveryDestinationResolver(services.GetRequiredService<ServiceEndpointResolver>());

        var resolved = await resolver.ResolveDestinationsAsync(new Dictionary<string, DestinationConfig>
        {
            ["direct"] = new() { Address = "http://localhost:7000" },
        }, CancellationToken.None);

        Assert.Equal("http://localhost:7000/", Assert.Single(resolved.Destinations.Values).Address);
    }

    private static ServiceProvider ServiceDiscovery(Dictionary<string, string?> configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddServiceDiscovery();
        return services.BuildServiceProvider();
    }
}
