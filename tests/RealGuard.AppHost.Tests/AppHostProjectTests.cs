using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RealGuard.AppHost.Tests.Infrastructure;
using RealGuard.DevHost;

namespace RealGuard.AppHost.Tests;

/// <summary>RealGuard.AppHost as the repository holds it: names from StackResources, out of the main build.</summary>
public sealed partial class AppHostProjectTests
{
    private static readonly Type[] SharedNameTypes = [typeof(StackResources), typeof(StackPorts), typeof(StackDatabases), typeof(StackConfigKeys)];

    private static readonly XDocument Project = XDocument.Parse(Repository.Read(RepositoryPaths.AppHostProject));

    [Fact]
    public void AppHost_links_StackResources_from_the_local_runner_instead_of_copying_it()
    {
        var compiled = Project.Descendants("Compile").Select(item => (string?)item.Attribute("Include")).ToList();

        Assert.Contains(@"..\tools\RealGuard.DevHost.Stack\StackResources.cs", compiled);
        Assert.True(Repository.Exists("tools/RealGuard.DevHost.Stack/StackResources.cs"));
        Assert.DoesNotContain(Repository.AppHostSources().Keys, path => path.EndsWith("/StackResources.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shared_name_the_AppHost_uses_exists_in_StackResources()
    {
        var used = Repository.AppHostSources().Values
            .SelectMany(source => SharedNameUse().Matches(source))
            .Select(match => (Type: match.Groups["type"].Value, Member: match.Groups["member"].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, use =>
        {
            var type = Assert.Single(SharedNameTypes, type => type.Name == use.Type);
            Assert.True(type.GetMember(use.Member, BindingFlags.Public | BindingFlags.Static).Length > 0, $"{use.Type}.{use.Member} does not exist.");
        });
    }

    [Fact]
    public void AppHost_spells_no_shared_name_itself()
    {
        var sharedNames = SharedNameTypes
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        // RealmClients holds the realm's client ids, some of which equal part names; realm tests check those.
        var literals = Repository.AppHostSources()
            .Where(source => !source.Key.EndsWith("/RealmClients.cs", StringComparison.Ordinal))
            .SelectMany(source => StringLiteral().Matches(source.Value).Select(match => (File: source.Key, Literal: match.Groups["text"].Value)))
            .Where(literal => sharedNames.Contains(literal.Literal))
            .ToList();

        Assert.Empty(literals);
    }

    [Fact]
    public void AppHost_runs_the_parts_of_the_local_runner_wired_the_same_way()
    {
        var stack = RealGuardStack.Define();
        var appHost = AppHostParts.Read(Repository.Read("RealGuard.AppHost/AppHost.cs"));
        var services = stack.Parts.Where(part => part.Name != StackResources.Keycloak).ToList();

        Assert.Equal(services.Select(part => part.Name).Order(), appHost.Keys.Order());
        Assert.All(services, part =>
        {
            var wiring = appHost[part.Name];
            Assert.Equal(part.AssemblyName.Replace('.', '_'), wiring.ProjectType);
            Assert.Equal(part.References.Contains(StackResources.Keycloak), wiring.UsesKeycloak);
            Assert.Equal(part.References.Where(name => name != StackResources.Keycloak).Order(), wiring.Parts.Order());
            Assert.Equal(part.Databases.Order(), wiring.Databases.Order());
            Assert.Equal(part.Environment.ContainsKey(StackConfigKeys.DemoDataEnabled), wiring.DemoData);
            Assert.Equal(ClientIdOf(part), wiring.ClientId);
        });
    }

    [Fact]
    public void Web_gateway_and_Keycloak_keep_the_ports_of_the_realm_and_the_issuer()
    {
        var appHost = AppHostParts.Read(Repository.Read("RealGuard.AppHost/AppHost.cs"));
        var identity = Repository.Read("RealGuard.AppHost/Extensions/IdentityProviderExtensions.cs");

        Assert.All(ProductionRealm.PublicParts.Keys, part => Assert.Equal(part, PortName(appHost[part].Port)));
        Assert.All(ProductionRealm.PublicParts.Keys, part => Assert.True(appHost[part].External, $"{part} is not external."));
        Assert.Contains("builder.AddKeycloak(StackResources.Keycloak, StackPorts.Keycloak)", identity);
        Assert.Contains("AddRealGuardProject<Projects.RealGuard_IdentityProvider>(StackResources.Keycloak, StackPorts.Keycloak)", identity);
        Assert.Contains(".WithRealmImport(builder.RepositoryPath(RepositoryPaths.RealmExport))", identity);
        Assert.Contains(".WithDataVolume()", identity);
    }

    [Fact]
    public void AppHost_stays_out_of_the_main_build()
    {
        Assert.DoesNotContain("RealGuard.AppHost.csproj", Repository.Read("RealGuard.sln"));
        Assert.DoesNotContain("\"Aspire.", Repository.Read("Directory.Packages.props"));
        Assert.DoesNotContain(
            Directory.EnumerateFiles(Repository.Root, "*.csproj", SearchOption.AllDirectories).Where(file => !file.Contains("RealGuard.AppHost" + Path.DirectorySeparatorChar, StringComparison.Ordinal)),
            file => File.ReadAllText(file).Contains("RealGuard.AppHost.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void AppHost_package_versions_extend_the_central_ones_and_match_its_SDK()
    {
        var sdk = (string)Project.Root!.Attribute("Sdk")!;
        var packages = XDocument.Parse(Repository.Read("RealGuard.AppHost/Directory.Packages.props"));
        var import = (string?)packages.Root!.Element("Import")?.Attribute("Project");
        var versions = packages.Descendants("PackageVersion").Select(item => (string)item.Attribute("Version")!).ToList();

        Assert.StartsWith("Aspire.AppHost.Sdk/13.", sdk);
        Assert.Contains("GetPathOfFileAbove('Directory.Packages.props'", import);
        Assert.NotEmpty(versions);
        Assert.All(versions, version => Assert.StartsWith(sdk.Split('/')[1], version));
        Assert.All(Project.Descendants("PackageReference"), reference => Assert.Null(reference.Attribute("Version")));
    }

    [Fact]
    public void AppHost_references_every_project_it_runs()
    {
        var referenced = Project.Descendants("ProjectReference")
            .Select(item => Path.GetFullPath(Path.Combine(Repository.PathOf("RealGuard.AppHost"), ((string)item.Attribute("Include")!).Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
        var parts = RealGuardStack.Define().Parts.Select(part => Repository.PathOf(part.ProjectPath)).ToList();

        Assert.All(referenced, path => Assert.True(File.Exists(path), path));
        Assert.Equal(parts.Order(), referenced.Order());
    }

    private static string? ClientIdOf(StackPart part) =>
        part.Environment.TryGetValue(StackConfigKeys.KeycloakClientId, out var clientId)
            ? clientId(new StackContext(Repository.Root, Path.GetTempPath(), new Dictionary<string, int>()))
            : null;

    private static string? PortName(string? member) => member is null
        ? null
        : typeof(StackPorts).GetField(member) is { } field && typeof(StackResources).GetFields().FirstOrDefault(resource =>
            resource.Name == field.Name) is { } resource ? (string?)resource.GetRawConstantValue() : null;

    [GeneratedRegex(@"\b(?<type>Stack(?:Resources|Ports|Databases|ConfigKeys))\.(?<member>[A-Z]\w*)")]
    private static partial Regex SharedNameUse();

    [GeneratedRegex("\"(?<text>[^\"\\\\]*)\"")]
    private static partial Regex StringLiteral();
}
