using System.Buffers.Text;
using System.Text;
using RealGuard.Web.Authentication;

namespace RealGuard.Web.Tests.Authentication;

public sealed class RealmRolesTests
{
    [Fact]
    public void The_realm_roles_come_from_the_access_token()
    {
        var token = Jwt("""{"sub":"x","realm_access":{"roles":["REALGUARDIO_ADMIN","offline_access"]},"resource_access":{"account":{"roles":["view-profile"]}}}""");

        Assert.Equal(["REALGUARDIO_ADMIN", "offline_access"], OidcEvents.RealmRoles(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("opaque-token")]
    [InlineData("a.!!!.c")]
    public void A_token_without_readable_roles_grants_none(string? token) => Assert.Empty(OidcEvents.RealmRoles(token));

    [Fact]
    public void Roles_that_are_not_a_list_grant_none() => Assert.Empty(OidcEvents.RealmRoles(Jwt("""{"realm_access":{"roles":"REALGUARDIO_ADMIN"}}""")));

    private static string Jwt(string payload) => $"e30.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.sig";
}
