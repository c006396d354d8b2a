using RealGuard.IdentityProvider.Realms;
using RealGuard.IdentityProvider.Users;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// Password hashes in Keycloak's credential format. The argon2 hash below was made with the reference implementation
/// (Debian's <c>argon2</c>, phc-winner-argon2) and Keycloak 26's default parameters, not with the library the IdP uses:
/// <c>echo -n ivan-argon2-password | argon2 realguard-salt-16 -id -t 5 -k 7168 -p 1 -l 32 -v 13</c>
/// → hash <c>0067817f…a1e80e</c>, base64 below; the salt is base64 of <c>realguard-salt-16</c>.
/// </summary>
public sealed class PasswordHashTests
{
    public const string Argon2Password = "ivan-argon2-password";

    /// <summary>secretData and credentialData exactly as Keycloak 26 exports an argon2 password.</summary>
    public static CredentialRepresentation KeycloakArgon2Credential() => new()
    {
        Type = "password",
        SecretData = """{"value":"AGeBf2La2Z2sreS1F7FLPvjz2RMZQJApfqd9RAah6A4=","salt":"cmVhbGd1YXJkLXNhbHQtMTY=","additionalParameters":{}}""",
        CredentialData = """{"hashIterations":5,"algorithm":"argon2","additionalParameters":{"hashLength":["32"],"memory":["7168"],"type":["id"],"version":["1.3"],"parallelism":["1"]}}""",
    };

    [Fact]
    public void A_Keycloak_argon2_hash_verifies_the_right_password_only()
    {
        var credential = PasswordCredential.FromRepresentation(KeycloakArgon2Credential());

        Assert.NotNull(credential);
        Assert.True(credential.Verify(Argon2Password));
        Assert.False(credential.Verify(Argon2Password + "x"));
    }

    [Fact]
    public void An_argon2_hash_survives_being_stored()
    {
        var credential = PasswordCredential.FromRepresentation(KeycloakArgon2Credential())!;

        var (stored, history) = PasswordCredential.FromJson(PasswordCredential.ToJson(credential, []));

        Assert.True(stored!.Verify(Argon2Password));
        Assert.Empty(history);
    }

    [Theory]
    [InlineData("""{"hashIterations":5,"algorithm":"argon2","additionalParameters":{"version":["1.0"]}}""")]
    [InlineData("""{"hashIterations":5,"algorithm":"argon2","additionalParameters":{"memory":["lots"]}}""")]
    [InlineData("""{"hashIterations":5,"algorithm":"bcrypt"}""")]
    [InlineData("""not json""")]
    public void A_hash_this_server_cannot_compute_never_verifies_and_never_throws(string credentialData)
    {
        var representation = KeycloakArgon2Credential();
        representation.CredentialData = credentialData;

        var credential = PasswordCredential.FromRepresentation(representation);

        Assert.False(credential?.Verify(Argon2Password) ?? false);
    }
}
