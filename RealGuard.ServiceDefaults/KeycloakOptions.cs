using Microsoft.Extensions.Configuration;

namespace RealGuard.ServiceDefaults;

/// <summary>
/// The <c>Keycloak</c> configuration section (docs/api.md): where the IAM is, the realm, the audience of access tokens,
/// and the part's own confidential client. Every Keycloak URL is built here, from settings checked at start: a missing
/// or malformed value fails the start naming its key, rather than a request to <c>/realms/</c> later.
/// </summary>
public sealed class KeycloakOptions
{
    public const string SectionName = "Keycloak";

    /// <summary>The IAM's base URL, such as http://localhost:8080 (absolute http or https).</summary>
    public string AuthServerUrl { get; set; } = "";

    public string Realm { get; set; } = "";

    /// <summary>The audience access tokens must carry.</summary>
    public string Audience { get; set; } = RealmClients.Api;

    /// <summary>The part's own client, for client-credentials tokens (services) or the code flow (web).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The realm's URL, which is also the issuer of its tokens: <c>{AuthServerUrl}/realms/{Realm}</c>.</summary>
    public string Authority => $"{AuthServerUrl.TrimEnd('/')}/realms/{Realm}";

    public Uri TokenEndpoint => new($"{Authority}/protocol/openid-connect/token");

    /// <summary>The realm's admin REST API, with a trailing slash so relative paths resolve under it.</summary>
    public Uri AdminApi => new($"{AuthServerUrl.TrimEnd('/')}/admin/realms/{Realm}/");

    /// <summary>Plain-http metadata is only accepted when the IAM itself is configured on http (local runs).</summary>
    public bool RequireHttpsMetadata => AuthServerUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and checks the section, throwing an exception that names the first missing or invalid key.</summary>
    public static KeycloakOptions From(IConfiguration configuration, bool requireClient = false)
    {
        var options = new KeycloakOptions();
        Bind(configuration, options);
        if (options.Problems(requireClient).FirstOrDefault() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        return options;
    }

    /// <summary>Binds the section; an empty audience is the default one.</summary>
    public static void Bind(IConfiguration configuration, KeycloakOptions options)
    {
        configuration.GetSection(SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            options.Audience = RealmClients.Api;
        }
    }

    /// <summary>What is wrong, naming the configuration key (and its environment variable) each time.</summary>
    public IEnumerable<string> Problems(bool requireClient)
    {
        if (string.IsNullOrWhiteSpace(AuthServerUrl))
        {
            yield return Missing(nameof(AuthServerUrl));
        }
        else if (!Uri.TryCreate(AuthServerUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Configuration value '{SectionName}:{nameof(AuthServerUrl)}' must be an absolute http(s) URL, such as http://localhost:8080.";
        }
        if (string.IsNullOrWhiteSpace(Realm))
        {
            yield return Missing(nameof(Realm));
        }
        if (requireClient && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return Missing(nameof(ClientId));
        }
        if (requireClient && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return Missing(nameof(ClientSecret));
        }
    }

    private static string Missing(string key) =>
        $"Configuration value '{SectionName}:{key}' is missing. Set it (for example the environment variable '{SectionName}__{key}').";
}
