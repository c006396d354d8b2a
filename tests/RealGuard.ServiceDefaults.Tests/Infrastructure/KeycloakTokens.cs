using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RealGuard.ServiceDefaults.Tests.Infrastructure;

/// <summary>Access tokens shaped like the ones Keycloak issues for the realguard realm.</summary>
public static class KeycloakTokens
{
    public const string AdminUserId = "3f6c1c3e-8a1b-4a57-9c1e-2b1d5c0e7a11";

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>
    /// The payload of an access token Keycloak issues to realguard-web for the administrator
    /// (audience realguard-api via an audience mapper, lifetime 120 s).
    /// </summary>
    public static JsonObject AdminAccessToken(string issuer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["exp"] = now + 120,
            ["iat"] = now,
            ["auth_time"] = now - 5,
            ["jti"] = $"onrtac:{Guid.NewGuid()}",
            ["iss"] = issuer,
            ["aud"] = new JsonArray("realguard-api", "account"),
            ["sub"] = AdminUserId,
            ["typ"] = "Bearer",
            ["azp"] = "realguard-web",
            ["sid"] = Guid.NewGuid().ToString(),
            ["acr"] = "1",
            ["allowed-origins"] = new JsonArray("http://localhost:5080"),
            ["realm_access"] = new JsonObject
            {
                ["roles"] = new JsonArray("default-roles-realguard", "offline_access", "uma_authorization", "REALGUARDIO_ADMIN"),
            },
            ["resource_access"] = new JsonObject
            {
                ["realguard-api"] = new JsonObject { ["roles"] = new JsonArray("api-operator") },
                ["account"] = new JsonObject { ["roles"] = new JsonArray("manage-account", "view-profile") },
            },
            ["scope"] = "openid profile email",
            ["email_verified"] = true,
            ["name"] = "Ada Lovelace",
            ["preferred_username"] = "admin",
            ["given_name"] = "Ada",
            ["family_name"] = "Lovelace",
            ["email"] = "admin@realguard.example",
        };
    }

    /// <summary>An administrator token with its claims changed by <paramref name="change"/>.</summary>
    public static JsonObject AdminAccessToken(string issuer, Action<JsonObject> change)
    {
        var payload = AdminAccessToken(issuer);
        change(payload);
        return payload;
    }

    /// <summary>Header alg RS256, typ JWT, kid of the key.</summary>
    public static string Sign(JsonObject payload, SigningKey key)
        => Handler.CreateToken(payload.ToJsonString(), key.Credentials);

    /// <summary>Header alg none: no signature at all.</summary>
    public static string Unsigned(JsonObject payload)
        => Handler.CreateToken(payload.ToJsonString());

    public static JsonObject Header(string token)
        => JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0]))!.AsObject();
}
