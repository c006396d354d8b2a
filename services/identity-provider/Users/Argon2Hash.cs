using System.Globalization;
using System.Text;
using Konscious.Security.Cryptography;

namespace RealGuard.IdentityProvider.Users;

/// <summary>
/// Keycloak's <c>argon2</c> password hash: the parameters come from the credential's <c>additionalParameters</c>
/// (<c>type</c> id/i/d, <c>version</c>, <c>memory</c> in KiB, <c>parallelism</c>, <c>hashLength</c>) and its
/// <c>hashIterations</c>; the password is hashed as UTF-8, as Keycloak's BouncyCastle generator does.
/// </summary>
public static class Argon2Hash
{
    /// <returns>The hash, or null where the parameters are missing, out of range, or a version other than 1.3.</returns>
    public static byte[]? Derive(string password, byte[] salt, int iterations, IReadOnlyDictionary<string, string> parameters)
    {
        if (!Int("memory", 7168, out var memory) || !Int("parallelism", 1, out var parallelism) || !Int("hashLength", 32, out var length) ||
            iterations is < 1 or > 100 || memory is < 8 or > 4 * 1024 * 1024 || parallelism is < 1 or > 64 || length is < 4 or > 1024 ||
            parameters.GetValueOrDefault("version", "1.3") != "1.3")
        {
            return null;
        }
        var bytes = Encoding.UTF8.GetBytes(password);
        Argon2? created = parameters.GetValueOrDefault("type", "id") switch
        {
            "id" => new Argon2id(bytes),
            "i" => new Argon2i(bytes),
            "d" => new Argon2d(bytes),
            _ => null,
        };
        if (created is null)
        {
            return null;
        }
        using var argon2 = created;
        argon2.Salt = salt;
        argon2.Iterations = iterations;
        argon2.MemorySize = memory;
        argon2.DegreeOfParallelism = parallelism;
        return argon2.GetBytes(length);

        bool Int(string name, int fallback, out int value)
        {
            value = fallback;
            return !parameters.TryGetValue(name, out var text) || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
    }
}
