using System.Net.Http.Headers;

namespace RealGuard.ServiceDefaults;

/// <summary>Puts the service's own client-credentials token on each outgoing request.</summary>
public sealed class ClientCredentialsTokenHandler(ClientCredentialsTokenCache tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
