using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealGuard.Testing;

/// <summary>Reading JWTs without validating them, and forging them the way an attacker could from a genuine token of the realm.</summary>
public static class Jwt
{
    public static JsonObject Header(string token) => Part(token, 0);

    public static JsonObject Payload(string token) => Part(token, 1);

    /// <summary>The payload as a JSON element, or null when <paramref name="token"/> is not a readable JWT.</summary>
    public static JsonElement? TryPayloadElement(string? token)
    {
        try
        {
            return token is null ? null : JsonSerializer.SerializeToElement(Payload(token));
        }
        catch (Exception e) when (e is FormatException or JsonException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    public static DateTimeOffset ExpiresAt(string token) => DateTimeOffset.FromUnixTimeSeconds(Payload(token)["exp"]!.GetValue<long>());

    /// <summary>The genuine token with its payload changed and the realm's signature kept: the signature no longer matches.</summary>
    public static string WithTamperedPayload(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = Payload(token);
        change(payload);
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    /// <summary>The genuine payload, unsigned: <c>alg: none</c> and an empty signature.</summary>
    public static string Unsigned(string token) =>
        $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{token.Split('.')[1]}.";

    /// <summary>The genuine header (kid included) and payload, signed with a key of the attacker's own.</summary>
    public static string SignedByAnotherKey(string token)
    {
        var parts = token.Split('.');
        using var attackerKey = RSA.Create(2048);
        var signature = attackerKey.SignData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
    }

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!.AsObject();

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString(JsonSerializerOptions.Default)));
}
