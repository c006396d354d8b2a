using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Users;

/// <summary>
/// A password hash in Keycloak's credential format (PBKDF2 with the algorithm, iterations and salt stored beside it),
/// so hashed users in real exports can log in and plaintext <c>value</c>s from an import are never kept.
/// </summary>
public sealed record PasswordCredential(string Algorithm, int Iterations, byte[] Salt, byte[] Hash)
{
    private const string DefaultAlgorithm = "pbkdf2-sha256";
    private const int DefaultIterations = 27500;

    public static PasswordCredential Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new(DefaultAlgorithm, DefaultIterations, salt, Derive(password, salt, DefaultIterations, HashAlgorithmName.SHA256, 32));
    }

    public static PasswordCredential? FromRepresentation(CredentialRepresentation credential)
    {
        if (!string.IsNullOrEmpty(credential.Value))
        {
            return Create(credential.Value);
        }
        if (credential.SecretData is null || credential.CredentialData is null)
        {
            return null;
        }
        var secret = JsonSerializer.Deserialize<SecretData>(credential.SecretData);
        var data = JsonSerializer.Deserialize<CredentialData>(credential.CredentialData);
        return secret?.Value is null || data?.Algorithm is null
            ? null
            : new(data.Algorithm, data.HashIterations, Convert.FromBase64String(secret.Salt ?? ""), Convert.FromBase64String(secret.Value));
    }

    public bool Verify(string password)
    {
        HashAlgorithmName? hash = Algorithm switch
        {
            "pbkdf2" => HashAlgorithmName.SHA1,
            "pbkdf2-sha256" => HashAlgorithmName.SHA256,
            "pbkdf2-sha512" => HashAlgorithmName.SHA512,
            _ => null, // e.g. argon2: not supported by the development identity provider
        };
        return hash is not null && Iterations > 0 &&
            CryptographicOperations.FixedTimeEquals(Derive(password, Salt, Iterations, hash.Value, Hash.Length), Hash);
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(Algorithm, Iterations, Convert.ToBase64String(Salt), Convert.ToBase64String(Hash)));

    public static PasswordCredential? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Stored>(json) is { } s
            ? new(s.Algorithm, s.Iterations, Convert.FromBase64String(s.Salt), Convert.FromBase64String(s.Hash)) : null;

    private static byte[] Derive(string password, byte[] salt, int iterations, HashAlgorithmName hash, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, hash, length);

    private sealed record SecretData([property: JsonPropertyName("value")] string? Value, [property: JsonPropertyName("salt")] string? Salt);

    private sealed record CredentialData([property: JsonPropertyName("algorithm")] string? Algorithm, [property: JsonPropertyName("hashIterations")] int HashIterations);

    private sealed record Stored(string Algorithm, int Iterations, string Salt, string Hash);
}
