using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace RealGuard.ServiceDefaults.Tests;

public sealed class KeycloakRolesClaimsTransformationTests
{
    private const string RoleType = KeycloakRolesClaimsTransformation.RoleClaimType;

    private readonly KeycloakRolesClaimsTransformation _transformation = new("realguard-api");

    [Fact]
    public async Task Running_twice_adds_each_role_once()
    {
        var once = await _transformation.TransformAsync(KeycloakUser());
        var twice = await _transformation.TransformAsync(once);

        Assert.Equal(
            ["REALGUARDIO_ADMIN", "account:view-profile", "api-operator", "offline_access"],
            twice.FindAll(RoleType).Select(claim => claim.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Original_principal_is_left_unchanged()
    {
        var original = KeycloakUser();

        var transformed = await _transformation.TransformAsync(original);

        Assert.NotSame(original, transformed);
        Assert.Empty(original.FindAll(RoleType));
        Assert.True(transformed.IsInRole("REALGUARDIO_ADMIN"));
        Assert.Equal("admin", transformed.Identity?.Name);
    }

    [Fact]
    public async Task Role_present_in_both_realm_and_api_client_is_added_once()
    {
        var user = KeycloakUser(
            realmAccess: """{"roles":["REALGUARDIO_ADMIN"]}""",
            resourceAccess: """{"realguard-api":{"roles":["REALGUARDIO_ADMIN"]}}""");

        var transformed = await _transformation.TransformAsync(user);

        Assert.Equal("REALGUARDIO_ADMIN", Assert.Single(transformed.FindAll(RoleType)).Value);
    }

    [Fact]
    public async Task Anonymous_principal_is_returned_as_is()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("realm_access", """{"roles":["REALGUARDIO_ADMIN"]}""", JsonClaimValueTypes.Json)]));

        var transformed = await _transformation.TransformAsync(anonymous);

        Assert.Same(anonymous, transformed);
        Assert.False(transformed.IsInRole("REALGUARDIO_ADMIN"));
    }

    private static ClaimsPrincipal KeycloakUser(
        string realmAccess = """{"roles":["REALGUARDIO_ADMIN","offline_access"]}""",
        string resourceAccess = """{"realguard-api":{"roles":["api-operator"]},"account":{"roles":["view-profile"]}}""")
        => new(new ClaimsIdentity(
            [
                new Claim("sub", "3f6c1c3e"),
                new Claim("preferred_username", "admin"),
                new Claim("realm_access", realmAccess, JsonClaimValueTypes.Json),
                new Claim("resource_access", resourceAccess, JsonClaimValueTypes.Json),
            ],
            authenticationType: "AuthenticationTypes.Federation",
            nameType: "preferred_username",
            roleType: RoleType));
}
