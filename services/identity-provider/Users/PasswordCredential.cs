using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Users;

/// <summary>
/// A password hash in Keycloak's credential format: the algorithm, iterations and (for argon2) its parameters beside
/// the salt and hash, so hashed users of real exports log in and plaintext <c>value</c>s from an import are never kept.
/// PBKDF2 (<c>pbkdf2</c>, <c>pbkdf2-sha256</c>, <c>pbkdf2-sha512</c>) and <c>argon2</c> (Keycloak 26's default) verify.
/// </summary>
public sealed record PasswordCredential(string Algorithm, int Iterations, byte[] Salt, byte[] Hash, IReadOnlyDictionary<string, string>? Parameters = null)
{
    private const string DefaultAlgorithm = "pbkdf2-sha256";
    private const int DefaultIterations = 27500;

    /// <summary>A hash of a password nobody has: verified for an unknown username, so it costs what a wrong password costs.</summary>
    public static PasswordCredential Dummy { get; } = Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static PasswordCredential Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new(DefaultAlgorithm, DefaultIterations, salt, Pbkdf2(password, salt, DefaultIterations, HashAlgorithmName.SHA256, 32)!);
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
        try
        {
            var secret = JsonSerializer.Deserialize<SecretData>(credential.SecretData);
            var data = JsonSerializer.Deserialize<CredentialData>(credential.CredentialData);
            return secret?.Value is null || data?.Algorithm is null
                ? null
                : new(data.Algorithm, data.HashIterations, Convert.FromBase64String(secret.Salt ?? ""), Convert.FromBase64String(secret.Value),
                    data.AdditionalParameters?.Where(p => p.Value is { Count: > 0 }).ToDictionary(p => p.Key, p => p.Value![0]));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null; // a credential this server cannot read: the user cannot log in with a password
        }
    }

    public bool Verify(string password)
    {
        var derived = Algorithm switch
        {
            "pbkdf2" => Pbkdf2(password, Salt, Iterations, HashAlgorithmName.SHA1, Hash.Length),
            "pbkdf2-sha256" => Pbkdf2(password, Salt, Iterations, HashAlgorithmName.SHA256, Hash.Length),
            "pbkdf2-sha512" => Pbkdf2(password, Salt, Iterations, HashAlgorithmName.SHA512, Hash.Length),
            "argon2" => Argon2Hash.Derive(password, Salt, Iterations, Parameters ?? new Dictionary<string, string>()),
            _ => null,
        };
        return derived is not null && CryptographicOperations.FixedTimeEquals(derived, Hash);
    }

    /// <summary>The stored form of a current password and the ones before it (newest first), in one JSON value.</summary>
    public static string ToJson(PasswordCredential current, IEnumerable<PasswordCredential> history) =>
        JsonSerializer.Serialize(current.ToStored() with { History = history.Select(h => h.ToStored()).ToList() });

    public static (PasswordCredential? Current, IReadOnlyList<PasswordCredential> History) FromJson(string? json)
    {
        var stored = json is null ? null : JsonSerializer.Deserialize<Stored>(json);
        return stored is null ? (null, []) : (FromStored(stored), (stored.History ?? []).Select(FromStored).ToList());
    }

    internal Stored ToStored() => new(Algorithm, Iterations, Convert.ToBase64String(Salt), Convert.ToBase64String(Hash), Parameters);

    internal static PasswordCredential FromStored(Stored s) =>
        new(s.Algorithm, s.Iterations, Convert.FromBase64String(s.Salt), Convert.FromBase64String(s.Hash), s.Parameters);

    private static byte[]? Pbkdf2(string password, byte[] salt, int iterations, HashAlgorithmName hash, int length) =>
        iterations > 0 && length > 0 ? Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, hash, length) : null;

    private sealed record SecretData([property: JsonPropertyName("value")] string? Value, [property: JsonPropertyName("salt")] string? Salt);

    private sealed record CredentialData(
        [property: JsonPropertyName("algorithm")] string? Algorithm,
        [property: JsonPropertyName("hashIterations")] int HashIterations,
        [property: JsonPropertyName("additionalParameters")] Dictionary<string, List<string>>? AdditionalParameters);

    internal sealed record Stored(string Algorithm, int Iterations, string Salt, string Hash, IReadOnlyDictionary<string, string>? Parameters = null)
    {
        public List<Stored>? History { get; init; }
    }
}
