using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace RealGuard.Gateway.Forwarding;

/// <summary>
/// Resolves YARP destinations such as <c>http://customer-service</c> through Microsoft.Extensions.ServiceDiscovery
/// (Aspire's <c>services__customer-service__http__0</c> configuration, DNS, ...). A stand-in for
/// Microsoft.Extensions.ServiceDiscovery.Yarp's resolver, which this machine's NuGet mirror lacks: replace this file
/// and its registration with <c>AddServiceDiscoveryDestinationResolver()</c> when the package is available.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = await Task.WhenAll(destinations.Select(destination => ResolveAsync(destination.Key, destination.Value, cancellationToken)));

        return new ResolvedDestinationCollection(
            resolved.SelectMany(destination => destination.Endpoints).ToDictionary(StringComparer.OrdinalIgnoreCase),
            new CompositeChangeToken([.. resolved.Select(destination => destination.ChangeToken)]));
    }

    private async Task<(List<KeyValuePair<string, DestinationConfig>> Endpoints, IChangeToken ChangeToken)> ResolveAsync(
        string name, DestinationConfig destination, CancellationToken cancellationToken)
    {
        var address = new Uri(destination.Address);
        var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);

        var endpoints = source.Endpoints.Select(endpoint =>
        {
            var text = endpoint.ToString() ?? "";
            var resolvedUri = new Uri(text.Contains("://", StringComparison.Ordinal) ? text : $"{address.Scheme}://{text}");
            var resolvedAddress = new UriBuilder(address) { Scheme = resolvedUri.Scheme, Host = resolvedUri.Host, Port = resolvedUri.Port }.Uri;

            // The Host header stays the logical name (as with Aspire's resolver), unless the destination sets one.
            return KeyValuePair.Create($"{name}[{text}]", destination with
            {
                Address = resolvedAddress.ToString(),
                Host = destination.Host is { Length: > 0 } host ? host : address.Authority,
            });
        }).ToList();

        return (endpoints, source.ChangeToken);
    }
}
