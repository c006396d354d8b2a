namespace RealGuard.Web.Authentication;

/// <summary>The realm and the confidential client the web app signs users in with.</summary>
public sealed record KeycloakSettings(string Authority, string ClientId, string ClientSecret)
{
    /// <summary>Plain-http metadata is only accepted when the IAM itself is configured on http (local runs).</summary>
    public bool RequireHttpsMetadata => Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static KeycloakSettings From(IConfiguration configuration)
    {
        var keycloak = configuration.GetSection("Keycloak");
        var authServerUrl = Required(keycloak, "AuthServerUrl");
        if (!Uri.TryCreate(authServerUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Configuration value '{keycloak.Path}:AuthServerUrl' must be an absolute http(s) URL.");
        }

        return new KeycloakSettings(
            $"{authServerUrl.TrimEnd('/')}/realms/{Required(keycloak, "Realm")}",
            Required(keycloak, "ClientId"),
            Required(keycloak, "ClientSecret"));
    }

    private static string Required(IConfigurationSection section, string key)
        => section[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException(
                $"Configuration value '{section.Path}:{key}' is missing. Set it (for example the environment variable '{section.Path}__{key}').");
}
