namespace RealGuard.DevHost;

/// <summary>One process of the stack: an ASP.NET Core project started from its build output.</summary>
/// <param name="Name">The Aspire resource name (kebab-case); also the log prefix and <c>OTEL_SERVICE_NAME</c>.</param>
/// <param name="ProjectPath">The project file, relative to the repository root.</param>
/// <param name="Port">The http port of the normal run; free-ports mode picks another one.</param>
public sealed record StackPart(string Name, string ProjectPath, int Port)
{
    public string Description { get; init; } = "";

    public string HealthPath { get; init; } = "/health";

    /// <summary>Parts this one gets the URLs of (Aspire's <c>WithReference</c>) and starts after (<c>WaitFor</c>).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Databases this part gets <c>ConnectionStrings__{name}</c> for (SQLite in the data folder by default).</summary>
    public IReadOnlyList<string> Databases { get; init; } = [];

    /// <summary>Part-specific environment, computed once ports and folders are known.</summary>
    public IReadOnlyDictionary<string, Func<StackContext, string>> Environment { get; init; } =
        new Dictionary<string, Func<StackContext, string>>();

    public string AssemblyName { get; init; } = Path.GetFileNameWithoutExtension(ProjectPath);

    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath) ?? "";
}
