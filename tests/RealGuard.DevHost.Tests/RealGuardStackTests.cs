using System.Reflection;
using System.Text.RegularExpressions;

namespace RealGuard.DevHost.Tests;

public sealed class RealGuardStackTests
{
    private static readonly string RepositoryRoot = DevHost.RepositoryRoot.Find();

    [Fact]
    public void The_identity_provider_is_the_keycloak_resource_on_8080()
    {
        var keycloak = RealGuardStack.Define()["keycloak"];

        Assert.Equal(8080, keycloak.Port);
        Assert.Equal("/health", keycloak.HealthPath);
        Assert.Equal("RealGuard.IdentityProvider", keycloak.AssemblyName);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, keycloak.ProjectPath)), keycloak.ProjectPath);
    }

    [Fact]
    public void Parts_are_named_as_Aspire_resources_and_reference_only_parts_of_the_stack()
    {
        var definition = RealGuardStack.Define();

        Assert.All(definition.Parts, part => Assert.Matches(new Regex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"), part.Name));
        Assert.Equal(definition.Parts.Count, StartOrder.Resolve(definition).Count);
        Assert.Equal("realm-export.json", definition.RealmFile);
        Assert.Equal(["web", "gateway"], definition.RealmOrigins);
    }

    [Fact]
    public void The_parts_run_from_the_output_of_the_configuration_the_runner_was_built_with()
    {
        var testConfiguration = typeof(RealGuardStackTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var keycloak = RealGuardStack.Define()["keycloak"];

        Assert.Equal(testConfiguration, BuildOutput.Configuration);
        Assert.Equal(
            Path.Combine("/repo", "services", "identity-provider", "bin", testConfiguration, "net10.0", "RealGuard.IdentityProvider.dll"),
            BuildOutput.AssemblyPath("/repo", keycloak, testConfiguration));
    }

    [Fact]
    public void The_repository_root_is_the_folder_of_the_solution() =>
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "RealGuard.sln")));

    [Fact]
    public void The_demo_users_are_listed_once_with_their_development_passwords()
    {
        Assert.Equal(["admin", "alice", "bob", "carol", "dave", "erin"], DemoUsers.All.Select(user => user.UserName));
        Assert.All(DemoUsers.All, user => Assert.Equal($"{user.UserName}-dev-password", user.Password));
        // The banner says who each one is: the customer they work for shows.
        Assert.Contains("Globex", DemoUsers.Erin.Description);
        Assert.All([DemoUsers.Alice, DemoUsers.Bob, DemoUsers.Carol, DemoUsers.Dave], user => Assert.Contains("Acme", user.Description));
    }
}
