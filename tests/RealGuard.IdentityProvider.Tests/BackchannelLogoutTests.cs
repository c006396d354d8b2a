using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>An IdP of its own whose realm points realguard-web's back-channel logout URL at a receiver in the test.</summary>
public sealed class BackchannelLogoutFixture : IAsyncLifetime
{
    public BackchannelReceiver Receiver { get; private set; } = null!;

    public Oidc Oidc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await BackchannelReceiver.StartAsync();
        var idp = await TestIdentityProvider.StartAsync(realm =>
            realm.Client(Web.ClientId).Attributes()["backchannel.logout.url"] = Receiver.Url);
        Oidc = new Oidc(idp, await idp.DiscoverAsync());
    }

    public async Task DisposeAsync()
    {
        if (Oidc is not null)
        {
            await Oidc.Idp.DisposeAsync();
        }
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}

/// <summary>OpenID Connect Back-Channel Logout, as realguard-web receives it.</summary>
public sealed class BackchannelLogoutTests(BackchannelLogoutFixture fixture) : IClassFixture<BackchannelLogoutFixture>
{
    private const string BackchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private readonly BackchannelReceiver receiver = fixture.Receiver;

    [Fact]
    public async Task Logout_posts_a_signed_logout_token_for_the_session_to_the_client()
    {
        var oidc = fixture.Oidc;
        while (receiver.TryTakeMore(out _))
        {
            // Left over from an earlier test of this class.
        }
        using var browser = oidc.NewBrowser();
        var login = await oidc.LoginAsync(browser, Bob);
        var sid = login.AccessToken.String("sid");

        var logout = await browser.GetAsync(oidc.EndSessionUrl(login.Tokens.IdentityToken, Web.PostLogoutRedirectUri, "s"));
        Assert.Equal(Web.PostLogoutRedirectUri, logout.RedirectedToBase);

        var received = await receiver.NextAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("application/x-www-form-urlencoded", received.ContentType);
        Assert.True(received.Form.TryGetValue("logout_token", out var logoutToken), $"No logout_token in {string.Join(", ", received.Form.Keys)}");

        var validation = await Jwt.ValidateAsync(logoutToken!, await oidc.JwksAsync(), oidc.Disco.Issuer!, Web.ClientId);
        Assert.True(validation.IsValid, $"The logout token does not validate against the realm's JWKS: {validation.Exception?.Message}");

        var token = Jwt.Parse(logoutToken);
        Assert.Equal("RS256", token.HeaderValue("alg"));
        Assert.Equal(oidc.Disco.Issuer, token.String("iss"));
        Assert.Equal([Web.ClientId], token.Strings("aud"));
        Assert.Equal(BobId, token.String("sub"));
        Assert.Equal(sid, token.String("sid"));
        Assert.True(token.Has("iat"), token.ToString());
        Assert.True(token.Has("jti"), token.ToString());
        Assert.True(token.Claim("events").TryGetProperty(BackchannelLogoutEvent, out _), $"No {BackchannelLogoutEvent} event: {token}");
        Assert.False(token.Has("nonce"), "A logout token must not contain a nonce");
    }

    [Fact]
    public async Task Only_the_clients_of_the_ended_session_are_notified()
    {
        var oidc = fixture.Oidc;
        while (receiver.TryTakeMore(out _))
        {
            // Left over from an earlier test of this class.
        }

        // Carol's session at realguard-web stays; Bob's ends.
        using var carolBrowser = oidc.NewBrowser();
        var carol = await oidc.LoginAsync(carolBrowser, DemoUsers.Carol);
        using var bobBrowser = oidc.NewBrowser();
        var bob = await oidc.LoginAsync(bobBrowser, Bob);

        await bobBrowser.GetAsync(oidc.EndSessionUrl(bob.Tokens.IdentityToken, Web.PostLogoutRedirectUri, "s"));

        var received = await receiver.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(bob.AccessToken.String("sid"), Jwt.Parse(received.Form["logout_token"]).String("sid"));
        Assert.False(receiver.TryTakeMore(out var extra), $"Unexpected second logout: {extra}");
        Oidc.AssertSuccess(await oidc.RefreshAsync(carol.RefreshToken));
    }
}
