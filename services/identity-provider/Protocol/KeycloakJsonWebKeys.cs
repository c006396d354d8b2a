using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using RealGuard.IdentityProvider.Data;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace RealGuard.IdentityProvider.Protocol;

/// <summary>
/// The realm's signing key in the JWKS as Keycloak lists it: with its certificate (<c>x5c</c>) and thumbprints
/// (<c>x5t</c>, <c>x5t#S256</c>). OpenIddict does not write <c>x5t#S256</c>, so the answer is completed as it goes out.
/// </summary>
public sealed class KeycloakJsonWebKeys(KeyStore keys) : IOpenIddictServerHandler<ApplyJsonWebKeySetResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyJsonWebKeySetResponseContext>()
            .UseSingletonHandler<KeycloakJsonWebKeys>()
            .SetOrder(KeycloakErrorResponses<ApplyJsonWebKeySetResponseContext>.ResponseShapingOrder)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyJsonWebKeySetResponseContext context)
    {
        if (context.Response["keys"] is not { } parameter || (JsonElement?)parameter is not { ValueKind: JsonValueKind.Array } array)
        {
            return default;
        }
        var der = keys.SigningCertificate.RawData;
        var list = JsonNode.Parse(array.GetRawText())!.AsArray();
        foreach (var key in list.OfType<JsonObject>().Where(k => (string?)k["kid"] == keys.SigningKey.KeyId))
        {
            key["x5c"] = new JsonArray(Convert.ToBase64String(der));
            key["x5t"] = Base64UrlEncoder.Encode(SHA1.HashData(der));
            key["x5t#S256"] = Base64UrlEncoder.Encode(SHA256.HashData(der));
        }
        context.Response["keys"] = new OpenIddictParameter(JsonSerializer.SerializeToElement(list));
        return default;
    }
}
