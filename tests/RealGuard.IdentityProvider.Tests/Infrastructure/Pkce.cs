using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>An RFC 7636 code verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string RandomValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
