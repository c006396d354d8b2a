using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>A JWT as a client reads it: header and payload as JSON.</summary>
public sealed class Jwt
{
    private Jwt(string raw, JsonElement header, JsonElement payload)
    {
        Raw = raw;
        Header = header;
        Payload = payload;
    }

    public string Raw { get; }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    public static Jwt Parse(string? token)
    {
        Assert.False(string.IsNullOrEmpty(token), "No token");
        var parts = token!.Split('.');
        Assert.True(parts.Length == 3, $"Not a signed JWT (JWS compact form): {parts.Length} parts");
        return new Jwt(token, Decode(parts[0]), Decode(parts[1]));
    }

    public IEnumerable<string> ClaimNames => Payload.EnumerateObject().Select(p => p.Name);

    public bool Has(string claim) => Payload.TryGetProperty(claim, out _);

    public JsonElement Claim(string claim) =>
        Payload.TryGetProperty(claim, out var value) ? value : throw new Xunit.Sdk.XunitException($"The token has no '{claim}' claim: {Payload}");

    public string? String(string claim) => Payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? HeaderValue(string name) => Header.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>A claim that is a string or an array of strings (such as <c>aud</c>), as a list.</summary>
    public IReadOnlyList<string> Strings(string claim) => Claim(claim) switch
    {
        { ValueKind: JsonValueKind.String } single => [single.GetString()!],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Select(item => item.GetString()!)],
        var other => throw new Xunit.Sdk.XunitException($"'{claim}' is neither a string nor an array: {other}"),
    };

    /// <summary>Roles at <c>realm_access.roles</c> or <c>resource_access.{client}.roles</c>.</summary>
    public IReadOnlyList<string> Roles(string path)
    {
        var element = Payload;
        foreach (var segment in path.Split('.'))
        {
            if (!element.TryGetProperty(segment, out element))
            {
                return [];
            }
        }
        return [.. element.EnumerateArray().Select(item => item.GetString()!)];
    }

    /// <summary>Checks the signature against the realm's JWKS, as a resource server does (issuer and lifetime too).</summary>
    public static async Task<TokenValidationResult> ValidateAsync(string token, string jwksJson, string issuer, string? audience = null)
    {
        var keys = new JsonWebKeySet(jwksJson).GetSigningKeys();
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidateAudience = audience is not null,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(5),
        });
    }

    private static JsonElement Decode(string part)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        return document.RootElement.Clone();
    }

    public override string ToString() => $"{Header} {Payload}";
}
