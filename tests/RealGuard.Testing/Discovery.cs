using Duende.IdentityModel.Client;

namespace RealGuard.Testing;

internal static class Discovery
{
    /// <summary>The realm's discovery document; plain HTTP is fine for the local identity provider.</summary>
    public static async Task<DiscoveryDocumentResponse> GetAsync(HttpClient http, string authority)
    {
        var disco = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = authority,
            Policy = { RequireHttps = false },
        });
        if (disco.IsError)
        {
            throw new InvalidOperationException($"Discovery of {authority} failed: {disco.Error}");
        }

        return disco;
    }
}
