using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RealGuard.Testing;

/// <summary>An RFC 7636 code verifier and its S256 challenge.</summary>
internal sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = RandomValue(32);
        return new Pkce(verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string RandomValue(int bytes = 16) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
