using System.Text.Json.Nodes;
using RealGuard.AppHost;

namespace RealGuard.Testing.AppHost;

public sealed class RealGuardAppOptions
{
    /// <summary>Changes the realm before the identity provider imports it (it imports a copy).</summary>
    public Action<JsonObject>? AdjustRealm { get; set; }

    /// <summary>Extra environment by part, applied last (so it wins over the AppHost's own values).</summary>
    public Dictionary<string, Dictionary<string, string>> Environment { get; } = [];

    /// <summary>Runs the Aspire dashboard too (off by default, as Aspire.Hosting.Testing has it).</summary>
    public bool EnableDashboard { get; set; }

    /// <summary>Dependencies a part starts without waiting for (part, dependency): to restart it while that one is down.</summary>
    public List<(string Part, string Dependency)> WaitsDropped { get; } = [];

    public RealGuardAppOptions WithoutWaitingFor(string part, string dependency)
    {
        WaitsDropped.Add((part, dependency));
        return this;
    }

    public RealGuardAppOptions WithEnvironment(string part, string key, string value)
    {
        if (!Environment.TryGetValue(part, out var environment))
        {
            Environment[part] = environment = [];
        }

        environment[key] = value;
        return this;
    }
}
