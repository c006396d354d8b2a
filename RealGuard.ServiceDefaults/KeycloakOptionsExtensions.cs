using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RealGuard.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

// KeycloakOptions, bound from configuration and validated when the host starts; read at once as well, for what has to
// be configured while services are registered (the JwtBearer authority, HttpClient base addresses).
public static class KeycloakOptionsExtensions
{
    /// <summary>
    /// Registers <see cref="KeycloakOptions"/> (idempotent) and returns the values, throwing if one is missing or invalid.
    /// With <paramref name="requireClient"/>, the part's own client id and secret are required too, from now on.
    /// </summary>
    public static KeycloakOptions AddKeycloakOptions(this IHostApplicationBuilder builder, bool requireClient = false)
    {
        var options = KeycloakOptions.From(builder.Configuration, requireClient);
        builder.Services.AddKeycloakOptions(requireClient);
        return options;
    }

    internal static IServiceCollection AddKeycloakOptions(this IServiceCollection services, bool requireClient)
    {
        services.AddOptions<KeycloakOptions>()
            .Configure<IConfiguration>((options, configuration) => KeycloakOptions.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeycloakOptions>, KeycloakOptionsValidator>());
        if (requireClient)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeycloakOptions>, KeycloakClientValidator>());
        }
        return services;
    }

    private sealed class KeycloakOptionsValidator : IValidateOptions<KeycloakOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeycloakOptions options) => Result(options.Problems(requireClient: false));
    }

    private sealed class KeycloakClientValidator : IValidateOptions<KeycloakOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeycloakOptions options) => Result(options.Problems(requireClient: true));
    }

    private static ValidateOptionsResult Result(IEnumerable<string> problems) =>
        problems.ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
