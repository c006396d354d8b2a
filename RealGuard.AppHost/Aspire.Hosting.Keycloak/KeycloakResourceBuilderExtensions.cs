// Stand-in for the Aspire.Hosting.Keycloak package (see KeycloakResource.cs): the same extension methods, with the
// same image, arguments, environment, endpoints and health check, so deleting this folder and adding the package is
// the whole swap.

using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class KeycloakResourceBuilderExtensions
{
    public const string ImageRegistry = "quay.io";
    public const string Image = "keycloak/keycloak";
    public const string ImageTag = "26.6";

    private const int HttpContainerPort = 8080;
    // Keycloak serves /health/* and /metrics on its management interface, never on the public port.
    private const int ManagementContainerPort = 9000;
    private const string ImportDirectory = "/opt/keycloak/data/import";
    private const string DataDirectory = "/opt/keycloak/data";
    private const int ContainerUser = 1000;

    /// <summary>
    /// Keycloak on <paramref name="port"/> (random when null): <c>start-dev --import-realm</c> when run,
    /// <c>start --import-realm</c> when published, health from the management port's <c>/health/ready</c>.
    /// </summary>
    public static IResourceBuilder<KeycloakResource> AddKeycloak(
        this IDistributedApplicationBuilder builder,
        string name,
        int? port = null,
        IResourceBuilder<ParameterResource>? adminUsername = null,
        IResourceBuilder<ParameterResource>? adminPassword = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var password = adminPassword?.Resource
            ?? ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var resource = new KeycloakResource(name, adminUsername?.Resource, password);

        return builder.AddResource(resource)
            .WithImage(Image)
            .WithImageRegistry(ImageRegistry)
            .WithImageTag(ImageTag)
            .WithIconName("PersonLock")
            .WithHttpEndpoint(port: port, targetPort: HttpContainerPort)
            .WithHttpEndpoint(targetPort: ManagementContainerPort, name: KeycloakResource.ManagementEndpointName)
            .WithEndpoint(KeycloakResource.ManagementEndpointName, endpoint => endpoint.ExcludeReferenceEndpoint = true)
            .WithHttpHealthCheck(endpointName: KeycloakResource.ManagementEndpointName, path: "/health/ready")
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["KC_BOOTSTRAP_ADMIN_USERNAME"] = resource.AdminReference;
                context.EnvironmentVariables["KC_BOOTSTRAP_ADMIN_PASSWORD"] = resource.AdminPasswordParameter;
                context.EnvironmentVariables["KC_HEALTH_ENABLED"] = "true";
                if (resource.EnabledFeatures.Count > 0)
                {
                    context.EnvironmentVariables["KC_FEATURES"] = string.Join(',', resource.EnabledFeatures);
                }

                if (resource.DisabledFeatures.Count > 0)
                {
                    context.EnvironmentVariables["KC_FEATURES_DISABLED"] = string.Join(',', resource.DisabledFeatures);
                }
            })
            .WithArgs(builder.ExecutionContext.IsRunMode ? "start-dev" : "start")
            .WithArgs("--import-realm");
    }

    /// <summary>A named volume on Keycloak's data folder: the dev database survives restarts (and keeps the first import).</summary>
    public static IResourceBuilder<KeycloakResource> WithDataVolume(this IResourceBuilder<KeycloakResource> builder, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithVolume(name ?? VolumeNameGenerator.Generate(builder, "data"), DataDirectory, isReadOnly: false);
    }

    public static IResourceBuilder<KeycloakResource> WithDataBindMount(this IResourceBuilder<KeycloakResource> builder, string source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(source);
        return builder.WithBindMount(source, DataDirectory, isReadOnly: false);
    }

    /// <summary>Copies a realm file (or a folder of them) into the import folder that <c>--import-realm</c> reads.</summary>
    public static IResourceBuilder<KeycloakResource> WithRealmImport(this IResourceBuilder<KeycloakResource> builder, string import)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(import);
        var fullPath = Path.GetFullPath(import, builder.ApplicationBuilder.AppHostDirectory);
        return builder.WithContainerFiles(ImportDirectory, fullPath, defaultOwner: ContainerUser);
    }

    public static IResourceBuilder<KeycloakResource> WithEnabledFeatures(this IResourceBuilder<KeycloakResource> builder, params string[] features)
    {
        foreach (var feature in features)
        {
            builder.Resource.EnabledFeatures.Add(feature);
            builder.Resource.DisabledFeatures.Remove(feature);
        }

        return builder;
    }

    public static IResourceBuilder<KeycloakResource> WithDisabledFeatures(this IResourceBuilder<KeycloakResource> builder, params string[] features)
    {
        foreach (var feature in features)
        {
            builder.Resource.DisabledFeatures.Add(feature);
            builder.Resource.EnabledFeatures.Remove(feature);
        }

        return builder;
    }

    /// <summary>Keycloak's own traces and metrics to the dashboard: the OTLP settings plus its <c>opentelemetry</c> feature.</summary>
    public static IResourceBuilder<KeycloakResource> WithOtlpExporter(this IResourceBuilder<KeycloakResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithEnabledFeatures("opentelemetry");
        OtlpConfigurationExtensions.WithOtlpExporter(builder);
        return builder;
    }
}
