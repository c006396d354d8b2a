using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace RealGuard.IdentityProvider.Data;

/// <summary>
/// The realm signing key (RS256, as Keycloak's default) and OpenIddict's key for its own codes and refresh tokens,
/// created once in the data folder and reused after a restart, so issued tokens stay valid.
/// </summary>
public sealed class KeyStore
{
    private KeyStore(RsaSecurityKey signingKey, SymmetricSecurityKey encryptionKey)
    {
        SigningKey = signingKey;
        EncryptionKey = encryptionKey;
        SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256);
    }

    public RsaSecurityKey SigningKey { get; }
    public SymmetricSecurityKey EncryptionKey { get; }
    public SigningCredentials SigningCredentials { get; }

    public static KeyStore LoadOrCreate(string dataPath)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dataPath, "keys")).FullName;

        var rsa = RSA.Create();
        var signingFile = Path.Combine(folder, "signing-key.pem");
        if (File.Exists(signingFile))
        {
            rsa.ImportFromPem(File.ReadAllText(signingFile));
        }
        else
        {
            rsa.KeySize = 2048;
            WritePrivate(signingFile, rsa.ExportPkcs8PrivateKeyPem());
        }
        var signingKey = new RsaSecurityKey(rsa);
        signingKey.KeyId = Base64UrlEncoder.Encode(signingKey.ComputeJwkThumbprint());

        var encryptionFile = Path.Combine(folder, "encryption-key");
        if (!File.Exists(encryptionFile))
        {
            WritePrivate(encryptionFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        var encryptionKey = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(encryptionFile)));

        return new KeyStore(signingKey, encryptionKey);
    }

    private static void WritePrivate(string path, string contents)
    {
        File.WriteAllText(path, contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
