using RealGuard.ServiceDefaults;

namespace RealGuard.Web.Authentication;

/// <summary>The realm and the confidential client the web app signs users in with.</summary>
public sealed record KeycloakSettings(string Authority, string ClientId, string ClientSecret)
{
    /// <summary>Plain-http metadata is only accepted when the IAM itself is configured on http (local runs).</summary>
    public bool RequireHttpsMetadata => Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>From <see cref="KeycloakOptions"/>, with the client required: a missing setting fails the start, naming its key.</summary>
    public static KeycloakSettings From(KeycloakOptions keycloak) => new(keycloak.Authority, keycloak.ClientId!, keycloak.ClientSecret!);
}
