namespace RealGuard.AppHost;

/// <summary>How the AppHost wires RealGuard's projects.</summary>
internal static class ProjectExtensions
{
    private const string HttpEndpoint = "http";

    /// <summary>
    /// A RealGuard project on one http endpoint at its fixed local port, checked through <c>/health</c>. Launch profiles
    /// are ignored so the AppHost alone decides ports and environment.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddRealGuardProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, int port)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: port)
            .WithHttpHealthCheck("/health");

        if (builder.ExecutionContext.IsRunMode)
        {
            project.WithEnvironment(StackConfigKeys.AspNetCoreEnvironment, "Development");
        }

        return project;
    }

    /// <summary><c>Keycloak__AuthServerUrl</c> and <c>Keycloak__Realm</c>, the service discovery entry, and a start after Keycloak.</summary>
    public static IResourceBuilder<ProjectResource> WithKeycloak(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithServiceDiscovery> keycloak) =>
        project
            .WithReference(keycloak)
            .WaitFor(keycloak)
            .WithEnvironment(StackConfigKeys.KeycloakAuthServerUrl, keycloak.GetEndpoint(HttpEndpoint))
            .WithEnvironment(StackConfigKeys.KeycloakRealm, StackResources.Realm);

    /// <summary>The project's own confidential client: <c>Keycloak__ClientId</c> and <c>Keycloak__ClientSecret</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithKeycloakClient(
        this IResourceBuilder<ProjectResource> project, string clientId, ClientSecrets secrets) =>
        project
            .WithEnvironment(StackConfigKeys.KeycloakClientId, clientId)
            .WithEnvironment(StackConfigKeys.KeycloakClientSecret, secrets[clientId]);

    /// <summary><c>ConnectionStrings__{name}</c>, and a start once the database is there.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> database) =>
        project.WithReference(database).WaitFor(database);

    /// <summary><c>services__{name}__http__0</c> of each part it calls, and a start after them.</summary>
    public static IResourceBuilder<ProjectResource> WithParts(
        this IResourceBuilder<ProjectResource> project, params IResourceBuilder<ProjectResource>[] parts)
    {
        foreach (var part in parts)
        {
            project.WithReference(part).WaitFor(part);
        }

        return project;
    }

    /// <summary>Seeds the demo customers of docs/api.md on an empty database: local runs only, never deployed.</summary>
    public static IResourceBuilder<ProjectResource> WithDemoData(this IResourceBuilder<ProjectResource> project)
    {
        if (project.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            project.WithEnvironment(StackConfigKeys.DemoDataEnabled, "true");
        }

        return project;
    }
}
