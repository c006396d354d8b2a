using System.Collections;
using static RealGuard.DevHost.StackConfigKeys;

namespace RealGuard.DevHost;

/// <summary>The configuration a part gets, following the contract of Aspire's AppHost.</summary>
internal static class PartEnvironment
{
    public static IReadOnlyDictionary<string, string> Compose(
        StackPart part,
        StackContext stack,
        IReadOnlyDictionary<string, string> runnerEnvironment,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach (var (key, value) in runnerEnvironment)
        {
            if (key.StartsWith(OtelPrefix, StringComparison.Ordinal))
            {
                environment[key] = value;
            }
        }

        environment[AspNetCoreUrls] = stack.Url(part.Name);
        environment[AspNetCoreEnvironment] = "Development";
        environment[OtelServiceName] = part.Name;

        foreach (var reference in part.References)
        {
            environment[ServiceHttpEndpoint(reference)] = stack.Url(reference);

            if (reference == StackResources.Keycloak)
            {
                environment[KeycloakAuthServerUrl] = stack.Url(reference);
                environment[KeycloakRealm] = StackResources.Realm;
            }
        }

        foreach (var database in part.Databases)
        {
            environment[ConnectionString(database)] = stack.ConnectionString(database);
        }

        foreach (var (key, value) in part.Environment)
        {
            environment[key] = value(stack);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public static IReadOnlyDictionary<string, string> OfCurrentProcess() =>
        System.Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal);
}
