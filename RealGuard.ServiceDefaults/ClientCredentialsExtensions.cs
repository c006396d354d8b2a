using Microsoft.Extensions.DependencyInjection;
using RealGuard.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

// Service-to-service calls as the service itself: a client-credentials token of the service's own Keycloak client
// (Keycloak:ClientId, Keycloak:ClientSecret), requested once and reused until shortly before it expires.
// A small stand-in for Duende.AccessTokenManagement, which this machine's NuGet mirror lacks.
public static class ClientCredentialsExtensions
{
    /// <summary>Adds <c>Authorization: Bearer</c> with the service's own client-credentials token to this client's requests.</summary>
    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder builder)
    {
        // Keycloak:ClientId and Keycloak:ClientSecret become required: checked when the host starts.
        builder.Services.AddKeycloakOptions(requireClient: true);
        builder.Services.AddHttpClient(ClientCredentialsTokenCache.HttpClientName);
        builder.Services.AddSingleton<ClientCredentialsTokenCache>();
        builder.Services.AddTransient<ClientCredentialsTokenHandler>();
        return builder.AddHttpMessageHandler<ClientCredentialsTokenHandler>();
    }
}
