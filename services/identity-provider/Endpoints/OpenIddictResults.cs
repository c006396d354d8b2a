using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace RealGuard.IdentityProvider.Endpoints;

public static class OpenIddictResults
{
    /// <summary>Marks an error RealGuard raised itself, already in Keycloak's words (removed before the response goes out).</summary>
    public const string OwnErrorUri = "urn:realguard:keycloak-error";

    /// <summary>An OAuth error that OpenIddict returns in the endpoint's own way (JSON, or a redirect to the client).</summary>
    public static IResult Reject(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorUri] = OwnErrorUri,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>The issuer of the realm addressed by the request: its base URI, without a trailing slash.</summary>
    public static string Issuer(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
