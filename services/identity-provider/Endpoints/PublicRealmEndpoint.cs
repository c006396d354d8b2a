using RealGuard.IdentityProvider.Data;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Endpoints;

/// <summary>
/// <c>GET /realms/{realm}</c>, Keycloak's public realm representation: the realm's public key (SubjectPublicKeyInfo,
/// base64), where its token and account services are, and the realm's not-before time.
/// </summary>
public static class PublicRealmEndpoint
{
    public static IEndpointRouteBuilder MapPublicRealmEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", Describe);
        return endpoints;
    }

    private static IResult Describe(HttpContext http, KeyStore keys)
    {
        if (RealmCatalog.Current(http) is not { } realm)
        {
            return Results.NotFound();
        }
        var issuer = OpenIddictResults.Issuer(http);
        return Results.Json(new Dictionary<string, object>
        {
            ["realm"] = realm.Name,
            ["public_key"] = Convert.ToBase64String(keys.SigningKey.Rsa.ExportSubjectPublicKeyInfo()),
            ["token-service"] = $"{issuer}/protocol/openid-connect",
            ["account-service"] = $"{issuer}/account",
            ["tokens-not-before"] = realm.Representation.NotBefore ?? 0,
        });
    }
}
