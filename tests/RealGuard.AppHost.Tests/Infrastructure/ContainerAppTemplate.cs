using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace RealGuard.AppHost.Tests.Infrastructure;

/// <summary>
/// One <c>RealGuard.AppHost/infra/{resource}.tmpl.yaml</c>: the Container Apps YAML azd deploys for a manifest resource
/// after filling in its Go-template expressions. Read here with those expressions rendered the way a reader can check:
/// <c>{{ .Env.X }}</c> as <c>${X}</c>, <c>{{ securedParameter "x" }}</c> as <c>secured(x)</c>,
/// <c>{{ targetPortOrDefault N }}</c> as <c>N</c>, <c>{{ .Image }}</c> as <c>${IMAGE}</c>; any other expression fails.
/// </summary>
internal sealed partial class ContainerAppTemplate
{
    public const string Folder = "RealGuard.AppHost/infra";

    private ContainerAppTemplate(string name, string text, Dictionary<object, object> root)
    {
        Name = name;
        Text = text;
        Root = root;
    }

    public string Name { get; }

    /// <summary>The file as committed (Go-template expressions included).</summary>
    public string Text { get; }

    public Dictionary<object, object> Root { get; }

    public Dictionary<object, object> Configuration => Map(Map(Root["properties"])["configuration"]);

    public Dictionary<object, object> Ingress => Map(Configuration["ingress"]);

    public bool External => (string)Ingress["external"] == "true";

    public Dictionary<object, object> Container => Map(List(Map(Map(Root["properties"])["template"])["containers"]).Single());

    public Dictionary<object, object> Scale => Map(Map(Map(Root["properties"])["template"])["scale"]);

    public int MinReplicas => int.Parse((string)Scale["minReplicas"]);

    public int MaxReplicas => int.Parse((string)Scale["maxReplicas"]);

    public IReadOnlyList<string> Args => Container.TryGetValue("args", out var args) ? List(args).Cast<string>().ToList() : [];

    /// <summary>Plain environment variables, by name.</summary>
    public IReadOnlyDictionary<string, string> Environment => List(Container["env"]).Select(Map)
        .Where(entry => entry.ContainsKey("value"))
        .ToDictionary(entry => (string)entry["name"], entry => (string)entry["value"]);

    /// <summary>Environment variables taken from a container-app secret: variable name → secret name.</summary>
    public IReadOnlyDictionary<string, string> SecretEnvironment => List(Container["env"]).Select(Map)
        .Where(entry => entry.ContainsKey("secretRef"))
        .ToDictionary(entry => (string)entry["name"], entry => (string)entry["secretRef"]);

    /// <summary>The container app's secrets, by name: each a map with <c>value</c> or <c>keyVaultUrl</c> + <c>identity</c>.</summary>
    public IReadOnlyDictionary<string, Dictionary<object, object>> Secrets =>
        Configuration.TryGetValue("secrets", out var secrets)
            ? List(secrets).Select(Map).ToDictionary(secret => (string)secret["name"])
            : new Dictionary<string, Dictionary<object, object>>();

    public IReadOnlyList<Probe> Probes => Container.TryGetValue("probes", out var probes)
        ? List(probes).Select(Map).Select(probe => new Probe(
            (string)probe["type"],
            (string)Map(probe["httpGet"])["path"],
            int.Parse((string)Map(probe["httpGet"])["port"]),
            Number(probe, "initialDelaySeconds"),
            Number(probe, "periodSeconds"),
            Number(probe, "failureThreshold"))).ToList()
        : [];

    /// <summary>The <c>concurrentRequests</c> of its HTTP scale rule, or null without one.</summary>
    public int? HttpConcurrency => Scale.TryGetValue("rules", out var rules)
        ? List(rules).Select(Map).Where(rule => rule.ContainsKey("http"))
            .Select(rule => (int?)int.Parse((string)Map(Map(rule["http"])["metadata"])["concurrentRequests"])).SingleOrDefault()
        : null;

    /// <summary>Every <c>.Env.NAME</c> the template reads (azd environment values: main.bicep's outputs, AZURE_LOCATION).</summary>
    public IEnumerable<string> EnvironmentValuesRead => EnvReference().Matches(Text).Select(match => match.Groups["name"].Value).Distinct();

    /// <summary>Every parameter the template reads through <c>securedParameter</c> or <c>parameter</c>.</summary>
    public IEnumerable<string> ParametersRead => ParameterReference().Matches(Text).Select(match => match.Groups["name"].Value).Distinct();

    public static IReadOnlyList<string> Names() =>
        Directory.EnumerateFiles(Repository.PathOf(Folder), "*.tmpl.yaml")
            .Select(file => Path.GetFileName(file)[..^".tmpl.yaml".Length]).Order().ToList();

    public static ContainerAppTemplate Load(string name)
    {
        var text = Repository.Read($"{Folder}/{name}.tmpl.yaml");
        var rendered = Expression().Replace(text, match => Render(match.Groups["expression"].Value.Trim(), name));
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(rendered);
        return new ContainerAppTemplate(name, text, root);
    }

    private static string Render(string expression, string template)
    {
        if (EnvExpression().Match(expression) is { Success: true } env)
        {
            return $"${{{env.Groups["name"].Value}}}";
        }

        if (ParameterExpression().Match(expression) is { Success: true } parameter)
        {
            return $"secured({parameter.Groups["name"].Value})";
        }

        if (PortExpression().Match(expression) is { Success: true } port)
        {
            return port.Groups["port"].Value;
        }

        return expression == ".Image"
            ? "${IMAGE}"
            : throw new InvalidOperationException($"{template}.tmpl.yaml uses {{{{ {expression} }}}}, which azd's deploy step does not offer here.");
    }

    private static int? Number(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? int.Parse((string)value) : null;

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static List<object> List(object node) => (List<object>)node;

    public sealed record Probe(string Type, string Path, int Port, int? InitialDelaySeconds, int? PeriodSeconds, int? FailureThreshold);

    [GeneratedRegex(@"\{\{(?<expression>.*?)\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^\.Env\.(?<name>[A-Z0-9_]+)$")]
    private static partial Regex EnvExpression();

    [GeneratedRegex(@"^securedParameter ""(?<name>[a-z0-9_]+)""$")]
    private static partial Regex ParameterExpression();

    [GeneratedRegex(@"^targetPortOrDefault (?<port>\d+)$")]
    private static partial Regex PortExpression();

    [GeneratedRegex(@"\.Env\.(?<name>[A-Z0-9_]+)")]
    private static partial Regex EnvReference();

    [GeneratedRegex(@"(?:securedParameter|parameter) ""(?<name>[^""]+)""")]
    private static partial Regex ParameterReference();
}
