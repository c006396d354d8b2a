using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace RealGuard.IdentityProvider.Data;

/// <summary>
/// The realm signing key (RS256, as Keycloak's default) and OpenIddict's key for its own codes and refresh tokens,
/// created once in the data folder and reused after a restart, so issued tokens stay valid.
/// </summary>
public sealed class KeyStore
{
    private KeyStore(RsaSecurityKey signingKey, X509Certificate2 signingCertificate, SymmetricSecurityKey encryptionKey, SymmetricSecurityKey refreshTokenKey)
    {
        SigningCertificate = signingCertificate;
        SigningKey = signingKey;
        EncryptionKey = encryptionKey;
        RefreshTokenKey = refreshTokenKey;
        SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256);
    }

    public RsaSecurityKey SigningKey { get; }
    public SymmetricSecurityKey EncryptionKey { get; }
    public SigningCredentials SigningCredentials { get; }

    /// <summary>A self-signed certificate for the signing key (public part only), as Keycloak's RSA key provider keeps one: its x5c in the JWKS.</summary>
    public X509Certificate2 SigningCertificate { get; }

    /// <summary>The realm's HMAC key: Keycloak signs refresh tokens with HS512, so only the server itself can check them.</summary>
    public SymmetricSecurityKey RefreshTokenKey { get; }

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

        var certificateFile = Path.Combine(folder, "signing-certificate.pem");
        if (!File.Exists(certificateFile))
        {
            var request = new CertificateRequest("CN=realguard", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(10));
            File.WriteAllText(certificateFile, created.ExportCertificatePem());
        }
        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));

        var encryptionFile = Path.Combine(folder, "encryption-key");
        if (!File.Exists(encryptionFile))
        {
            WritePrivate(encryptionFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        var encryptionKey = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(encryptionFile)));

        var hmacFile = Path.Combine(folder, "hmac-key");
        if (!File.Exists(hmacFile))
        {
            WritePrivate(hmacFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }
        var hmacBytes = Convert.FromBase64String(File.ReadAllText(hmacFile));
        var refreshTokenKey = new SymmetricSecurityKey(hmacBytes) { KeyId = new Guid(SHA256.HashData(hmacBytes).AsSpan(0, 16)).ToString() };

        return new KeyStore(signingKey, certificate, encryptionKey, refreshTokenKey);
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
