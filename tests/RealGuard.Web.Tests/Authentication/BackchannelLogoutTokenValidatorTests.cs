using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RealGuard.Web.Authentication;

namespace RealGuard.Web.Tests.Authentication;

public sealed class BackchannelLogoutTokenValidatorTests
{
    private const string Issuer = "http://localhost:8080/realms/realguard";
    private static readonly RsaSecurityKey RealmKey = new(RSA.Create(2048)) { KeyId = "realm-key" };
    private static readonly RsaSecurityKey OtherKey = new(RSA.Create(2048)) { KeyId = "realm-key" };
    private readonly FakeMetadata metadata = new(RealmKey);
    private readonly BackchannelLogoutTokenValidator validator;

    public BackchannelLogoutTokenValidatorTests()
        => validator = new BackchannelLogoutTokenValidator(metadata, new KeycloakSettings(Issuer, "realguard-web", "secret"),
            NullLogger<BackchannelLogoutTokenValidator>.Instance);

    [Fact]
    public async Task A_logout_token_of_the_realm_names_the_session_to_end()
    {
        var logout = await validator.ValidateAsync(LogoutToken());

        Assert.Equal(new LogoutRequest("bob-sub", "iam-session-1"), logout);
    }

    [Fact]
    public async Task A_logout_token_with_only_a_subject_ends_the_users_sessions()
        => Assert.Equal(new LogoutRequest("bob-sub", null), await validator.ValidateAsync(LogoutToken(claims => claims.Remove("sid"))));

    [Fact]
    public async Task A_token_signed_with_a_key_the_cached_keys_lack_is_checked_against_fresh_keys()
    {
        var rotated = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rotated" };
        metadata.KeysAfterRefresh = rotated;

        Assert.NotNull(await validator.ValidateAsync(LogoutToken(key: rotated)));
        Assert.Equal(1, metadata.Refreshes);
    }

    public static TheoryData<string, Action<Dictionary<string, object>>> InvalidClaims => new()
    {
        { "another audience", claims => claims["aud"] = "realguard-mobile" },
        { "another issuer", claims => claims["iss"] = "http://localhost:8080/realms/other" },
        { "expired", claims => { claims["iat"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds(); claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(); } },
        { "no expiry", claims => claims.Remove("exp") },
        { "no logout event", claims => claims.Remove("events") },
        { "another event", claims => claims["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/other"] = new Dictionary<string, object>() } },
        { "a nonce (an ID token)", claims => claims["nonce"] = "n-1" },
        { "neither sid nor sub", claims => { claims.Remove("sid"); claims.Remove("sub"); } },
        { "typ of an access token", claims => claims["typ"] = "Bearer" },
        { "no iat", claims => claims.Remove("iat") },
    };

    [Theory]
    [MemberData(nameof(InvalidClaims))]
    public async Task An_invalid_logout_token_ends_nothing(string why, Action<Dictionary<string, object>> change)
        => Assert.True(await validator.ValidateAsync(LogoutToken(change)) is null, why);

    [Fact]
    public async Task A_token_signed_by_anyone_else_ends_nothing()
        => Assert.Null(await validator.ValidateAsync(LogoutToken(key: OtherKey)));

    [Fact]
    public async Task An_access_token_typed_as_such_ends_nothing()
        => Assert.Null(await validator.ValidateAsync(LogoutToken(type: "at+jwt")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    public async Task Something_that_is_not_a_token_ends_nothing(string? token)
        => Assert.Null(await validator.ValidateAsync(token));

    [Fact]
    public async Task An_unsigned_token_ends_nothing()
    {
        var handler = new JsonWebTokenHandler();
        var unsigned = handler.CreateToken(new SecurityTokenDescriptor { Claims = Claims(), TokenType = "logout+jwt" });

        Assert.Null(await validator.ValidateAsync(unsigned));
    }

    private static string LogoutToken(Action<Dictionary<string, object>>? change = null, SecurityKey? key = null, string type = "logout+jwt")
    {
        var claims = Claims();
        change?.Invoke(claims);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = type,
            SigningCredentials = new SigningCredentials(key ?? RealmKey, SecurityAlgorithms.RsaSha256),
        });
    }

    // As the identity provider (and Keycloak) sends it.
    private static Dictionary<string, object> Claims() => new()
    {
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["exp"] = DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeSeconds(),
        ["jti"] = Guid.NewGuid().ToString(),
        ["iss"] = Issuer,
        ["aud"] = "realguard-web",
        ["sub"] = "bob-sub",
        ["sid"] = "iam-session-1",
        ["typ"] = "Logout",
        ["events"] = new Dictionary<string, object> { [BackchannelLogoutTokenValidator.LogoutEvent] = new Dictionary<string, object>() },
    };

    private sealed class FakeMetadata(SecurityKey key) : IdentityProviderMetadata(null!)
    {
        private SecurityKey current = key;

        public SecurityKey? KeysAfterRefresh { get; set; }

        public int Refreshes { get; private set; }

        public override Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken = default)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(current);
            return Task.FromResult(configuration);
        }

        public override void RequestRefresh()
        {
            Refreshes++;
            current = KeysAfterRefresh ?? current;
        }
    }
}
