using System.Text.Json.Nodes;

namespace RealGuard.DevHost;

public sealed class LocalStackOptions
{
    /// <summary>Start every part on a free port instead of its own, so a stack can run beside another.</summary>
    public bool UseFreePorts { get; set; }

    /// <summary>The parts' data (identity provider key and database, SQLite files); default <c>{repo}/.data</c>.</summary>
    public string? DataRoot { get; set; }

    public bool DeleteDataRootOnDispose { get; set; }

    /// <summary>Default: the folder holding RealGuard.sln above the build output.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The build configuration to run the parts from; default: the one this assembly was built with.</summary>
    public string? Configuration { get; set; }

    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a part may take to shut down after SIGTERM before its process tree is killed.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Changes the realm before the identity provider imports it (it then imports a generated copy).</summary>
    public Action<JsonObject>? AdjustRealm { get; set; }

    /// <summary>Connection strings by database name, replacing the SQLite default.</summary>
    public Dictionary<string, string> ConnectionStrings { get; } = [];

    /// <summary>Extra environment by part name, applied last.</summary>
    public Dictionary<string, Dictionary<string, string>> PartEnvironment { get; } = [];

    public IStackOutput Output { get; set; } = IStackOutput.None;

    public LocalStackOptions WithEnvironment(string part, string key, string value)
    {
        if (!PartEnvironment.TryGetValue(part, out var environment))
        {
            PartEnvironment[part] = environment = [];
        }

        environment[key] = value;
        return this;
    }

    /// <summary>
    /// Free ports, a temporary data folder deleted on dispose, parts killed rather than asked to stop:
    /// a stack that starts beside any other and leaves nothing behind.
    /// </summary>
    public static LocalStackOptions ForTests(IStackOutput? output = null) => new()
    {
        UseFreePorts = true,
        DataRoot = Path.Combine(Path.GetTempPath(), "realguard-devhost", "data-" + Guid.NewGuid().ToString("N")[..12]),
        DeleteDataRootOnDispose = true,
        StopGracePeriod = TimeSpan.Zero,
        Output = output ?? IStackOutput.None,
    };
}
