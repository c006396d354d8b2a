using System.Reflection;
using System.Text.RegularExpressions;
using RealGuard.DevHost;

namespace RealGuard.AppHost.Tests.Infrastructure;

/// <summary>How AppHost.cs wires one part: read from its <c>var x = builder.AddRealGuardProject&lt;...&gt;(...)...;</c> statement.</summary>
internal sealed record PartWiring(
    string ProjectType,
    string? Port,
    bool External,
    bool UsesKeycloak,
    string? ClientId,
    IReadOnlyList<string> Parts,
    IReadOnlyList<string> Databases,
    bool DemoData);

internal static partial class AppHostParts
{
    /// <summary>The parts of AppHost.cs by resource name.</summary>
    public static IReadOnlyDictionary<string, PartWiring> Read(string appHost)
    {
        var statements = PartStatement().Matches(appHost).ToList();
        var variables = statements.ToDictionary(match => match.Groups["variable"].Value, match => Constant(typeof(StackResources), match.Groups["name"].Value));

        return statements.ToDictionary(
            match => Constant(typeof(StackResources), match.Groups["name"].Value),
            match =>
            {
                var calls = match.Groups["calls"].Value;
                return new PartWiring(
                    match.Groups["project"].Value,
                    match.Groups["port"].Success ? match.Groups["port"].Value : null,
                    calls.Contains(".WithExternalHttpEndpoints()", StringComparison.Ordinal),
                    calls.Contains(".WithKeycloak(keycloak)", StringComparison.Ordinal),
                    KeycloakClient().Match(calls) is { Success: true } client ? Constant(typeof(RealmClients), client.Groups["client"].Value) : null,
                    PartReference().Matches(calls).Select(part => variables[part.Groups["variable"].Value]).ToList(),
                    DatabaseReference().Matches(calls).Select(database => Constant(typeof(StackDatabases), database.Groups["database"].Value)).ToList(),
                    calls.Contains(".WithDemoData()", StringComparison.Ordinal));
            });
    }

    private static string Constant(Type type, string member) =>
        (string?)type.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
        ?? throw new InvalidOperationException($"{type.Name}.{member} is not a string constant.");

    [GeneratedRegex(@"var (?<variable>\w+) = builder\.AddRealGuardProject<Projects\.(?<project>\w+)>\(StackResources\.(?<name>\w+)(?:, StackPorts\.(?<port>\w+))?\)(?<calls>[^;]*);")]
    private static partial Regex PartStatement();

    [GeneratedRegex(@"\.WithKeycloakClient\(RealmClients\.(?<client>\w+), clientSecrets\)")]
    private static partial Regex KeycloakClient();

    [GeneratedRegex(@"\.WithPart\((?<variable>\w+)\)")]
    private static partial Regex PartReference();

    [GeneratedRegex(@"\.WithDatabase\(Database\(StackDatabases\.(?<database>\w+)\)\)")]
    private static partial Regex DatabaseReference();
}
