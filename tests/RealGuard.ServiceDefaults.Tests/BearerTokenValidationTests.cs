using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealGuard.ServiceDefaults.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.ServiceDefaults.Tests;

public sealed class BearerTokenValidationTests(KeycloakStack stack) : IClassFixture<KeycloakStack>
{
    private const string Expired = "The access token has expired.";
    private const string NotYetValid = "The access token is not valid yet.";
    private const string BadLifetime = "The access token lifetime is invalid.";
    private const string WrongIssuer = "The access token was not issued by the trusted realm.";
    private const string WrongAudience = "The access token is not meant for this API.";
    private const string BadSignature = "The access token signature is invalid.";

    private ResourceServer Api => stack.Api;

    private string Token(Action<JsonObject>? change = null)
        => KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(stack.Issuer, change ?? (_ => { })), stack.RealmKey);

    [Fact]
    public async Task Valid_keycloak_access_token_is_accepted_with_user_and_mapped_roles()
    {
        var token = Token();
        var header = KeycloakTokens.Header(token);
        Assert.Equal("RS256", (string?)header["alg"]);
        Assert.Equal("JWT", (string?)header["typ"]);
        Assert.Equal(stack.RealmKey.Kid, (string?)header["kid"]);

        var response = await Api.GetAsync("/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<CurrentUser>();
        Assert.NotNull(user);
        Assert.Equal(KeycloakTokens.AdminUserId, user.Id);
        Assert.Equal("admin", user.Name);
        Assert.Equal("admin", user.UserName);
        Assert.Equal("realguard-web", user.ClientId);
        Assert.Equal(
            ["REALGUARDIO_ADMIN", "account:manage-account", "account:view-profile", "api-operator",
             "default-roles-realguard", "offline_access", "uma_authorization"],
            user.Roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Admin_role_grants_the_admin_endpoint()
    {
        var response = await Api.GetAsync("/admin", Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_expired_beyond_the_small_clock_skew_is_rejected()
    {
        // 30 s past expiry: inside JwtBearer's default five-minute skew, outside ours.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = Token(claims =>
        {
            claims["iat"] = now - 150;
            claims["exp"] = now - 30;
        });

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, Expired);
    }

    [Fact]
    public async Task Token_not_valid_yet_is_rejected()
    {
        var token = Token(claims => claims["nbf"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, NotYetValid);
    }

    [Fact]
    public async Task Token_without_expiry_is_rejected()
    {
        var token = Token(claims => claims.Remove("exp"));

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, BadLifetime);
    }

    [Theory]
    [InlineData("{issuer}/")]
    [InlineData("{base}/realms/master")]
    [InlineData("{base}/realms/realguard-evil")]
    [InlineData("http://127.0.0.1:{port}/realms/realguard")]
    [InlineData("https://localhost:{port}/realms/realguard")]
    public async Task Token_from_another_issuer_is_rejected(string issuerTemplate)
    {
        var port = new Uri(stack.Keycloak.BaseUrl).Port.ToString();
        var issuer = issuerTemplate
            .Replace("{issuer}", stack.Issuer)
            .Replace("{base}", stack.Keycloak.BaseUrl)
            .Replace("{port}", port);
        var token = Token(claims => claims["iss"] = issuer);

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, WrongIssuer);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("realguard-web")]
    [InlineData("realguard-api/")]
    [InlineData("REALGUARD-API")]
    public async Task Token_for_another_audience_is_rejected(string audience)
    {
        var token = Token(claims => claims["aud"] = new JsonArray(audience, "broker"));

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, WrongAudience);
    }

    [Fact]
    public async Task Token_with_a_single_string_audience_is_accepted()
    {
        var response = await Api.GetAsync("/me", Token(claims => claims["aud"] = "realguard-api"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_the_realm_kid_is_rejected()
    {
        using var impostor = stack.RealmKey.Impostor();
        var token = KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(stack.Issuer), impostor);
        Assert.Equal(stack.RealmKey.Kid, (string?)KeycloakTokens.Header(token)["kid"]);

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, BadSignature);
    }

    [Fact]
    public async Task Token_with_a_tampered_payload_is_rejected()
    {
        var customer = Token(claims => claims["realm_access"] = new JsonObject { ["roles"] = new JsonArray("REALGUARDIO_CUSTOMER_EMPLOYEE") });
        var parts = customer.Split('.');
        var adminPayload = Token().Split('.')[1];
        var tampered = $"{parts[0]}.{adminPayload}.{parts[2]}";

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/admin", tampered), tampered, BadSignature);
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_rejected()
    {
        var token = KeycloakTokens.Unsigned(KeycloakTokens.AdminAccessToken(stack.Issuer));
        Assert.Equal("none", (string?)KeycloakTokens.Header(token)["alg"]);
        Assert.EndsWith(".", token);

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/admin", token), token, BadSignature);
    }

    [Fact]
    public async Task Keycloak_id_token_is_not_accepted_as_an_access_token()
    {
        var token = Token(claims => claims["typ"] = "ID");

        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, "The token is not an access token.");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30")]
    public async Task Garbage_bearer_token_is_rejected_without_a_server_error(string token)
    {
        await ResponseAssert.InvalidTokenAsync(await Api.GetAsync("/me", token), token, "The access token is invalid.");
    }

    [Fact]
    public async Task Request_without_token_gets_a_bare_bearer_challenge()
    {
        var response = await Api.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
        var problem = await ResponseAssert.ProblemAsync(response, 401, "Unauthorized");
        Assert.Equal("A bearer access token is required.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Valid_token_without_the_admin_role_is_forbidden()
    {
        var token = Token(claims => claims["realm_access"] = new JsonObject
        {
            ["roles"] = new JsonArray("default-roles-realguard", "REALGUARDIO_CUSTOMER_EMPLOYEE"),
        });
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync("/me", token)).StatusCode);

        var response = await Api.GetAsync("/admin", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        var problem = await ResponseAssert.ProblemAsync(response, 403, "Forbidden");
        Assert.Equal("The access token does not grant permission for this request.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Admin_role_of_another_client_does_not_grant_the_realm_role()
    {
        var token = Token(claims =>
        {
            claims["realm_access"] = new JsonObject { ["roles"] = new JsonArray("default-roles-realguard") };
            claims["resource_access"] = new JsonObject
            {
                ["acme-integration"] = new JsonObject { ["roles"] = new JsonArray("REALGUARDIO_ADMIN") },
            };
        });

        var me = await (await Api.GetAsync("/me", token)).Content.ReadFromJsonAsync<CurrentUser>();
        Assert.Contains("acme-integration:REALGUARDIO_ADMIN", me!.Roles);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync("/admin", token)).StatusCode);
    }

    [Fact]
    public async Task Admin_role_of_the_api_client_is_mapped_unprefixed()
    {
        var token = Token(claims =>
        {
            claims["realm_access"] = new JsonObject { ["roles"] = new JsonArray("default-roles-realguard") };
            claims["resource_access"] = new JsonObject
            {
                ["realguard-api"] = new JsonObject { ["roles"] = new JsonArray("REALGUARDIO_ADMIN") },
            };
        });

        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync("/admin", token)).StatusCode);
    }

    public static TheoryData<string> MalformedRoleClaims => new()
    {
        """{ "realm_access": "REALGUARDIO_ADMIN" }""",
        """{ "realm_access": "{\"roles\":[\"REALGUARDIO_ADMIN\"]}" }""",
        """{ "realm_access": ["REALGUARDIO_ADMIN"] }""",
        """{ "realm_access": { "roles": "REALGUARDIO_ADMIN" } }""",
        """{ "realm_access": { "roles": [42, null, true, {}, [], "", " "] } }""",
        """{ "realm_access": { "roles": { "REALGUARDIO_ADMIN": true } } }""",
        """{ "realm_access": null }""",
        """{ "realm_access": 7 }""",
        """{ "resource_access": "realguard-api" }""",
        """{ "resource_access": { "realguard-api": ["REALGUARDIO_ADMIN"] } }""",
        """{ "resource_access": { "realguard-api": { "roles": "REALGUARDIO_ADMIN" } } }""",
        """{ "resource_access": [1, "realguard-api"] }""",
    };

    [Theory]
    [MemberData(nameof(MalformedRoleClaims))]
    public async Task Malformed_role_claims_grant_no_role_and_cause_no_server_error(string roleClaims)
    {
        var token = Token(claims =>
        {
            claims.Remove("realm_access");
            claims.Remove("resource_access");
            foreach (var (name, value) in JsonNode.Parse(roleClaims)!.AsObject())
            {
                claims[name] = value?.DeepClone();
            }
        });

        var me = await Api.GetAsync("/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Empty((await me.Content.ReadFromJsonAsync<CurrentUser>())!.Roles);

        var admin = await Api.GetAsync("/admin", token);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task Rejected_tokens_are_logged_in_one_line_without_token_or_stack_trace()
    {
        using var impostor = stack.RealmKey.Impostor();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string[] rejected =
        [
            Token(claims => claims["exp"] = now - 60),
            Token(claims => claims["iss"] = stack.Issuer + "/"),
            KeycloakTokens.Sign(KeycloakTokens.AdminAccessToken(stack.Issuer), impostor),
            KeycloakTokens.Unsigned(KeycloakTokens.AdminAccessToken(stack.Issuer)),
            "not-a-jwt",
        ];

        foreach (var token in rejected)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync("/me", token)).StatusCode);
        }

        var entries = Api.Logs.Entries;
        Assert.Contains(entries, entry => entry.Message.StartsWith("Bearer token rejected (SecurityTokenExpiredException): The access token has expired.", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Message.StartsWith("Bearer token rejected (SecurityTokenInvalidIssuerException)", StringComparison.Ordinal));
        Assert.All(entries, entry =>
        {
            Assert.DoesNotContain("   at ", entry.Message, StringComparison.Ordinal);
            Assert.All(rejected, token => Assert.DoesNotContain(token, entry.Message, StringComparison.Ordinal));
        });
        // Kestrel may log a client's dropped connection with its exception; that is transport, not authentication.
        Assert.All(entries.Where(entry => !entry.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal)),
            entry => Assert.Null(entry.Exception));
    }
}
