using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RealGuard.Web.Authentication;
using RealGuard.Web.Components.Pages;

namespace RealGuard.Web.Tests.Components;

public sealed class AccountComponentTests : WebComponentContext
{
    [Fact]
    public async Task The_profile_shows_claims_and_expiry_times_but_no_token_or_session_key()
    {
        SignIn("bob", "bob-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        await AddSessionAsync("bob");

        var profile = RenderWithProviders<Profile>();

        var claims = profile.Find("[data-testid=claims]").TextContent;
        Assert.Contains("preferred_username", claims);
        Assert.Contains("bob-sub", claims);
        Assert.Contains("REALGUARDIO_CUSTOMER_EMPLOYEE", claims);
        Assert.Contains("(in 1 min)", profile.Find("[data-testid=access-token-expires]").TextContent);
        Assert.Contains("(in 480 min)", profile.Find("[data-testid=session-expires]").TextContent);
        Assert.DoesNotContain("access-token-value", profile.Markup);
        Assert.DoesNotContain("refresh-token-value", profile.Markup);
        Assert.DoesNotContain("session-bob", profile.Markup);
    }

    [Fact]
    public void The_profile_of_an_ended_session_says_so()
    {
        SignIn("bob", "bob-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");

        var profile = RenderWithProviders<Profile>();

        Assert.Contains("Your session has ended", profile.Find("[data-testid=session]").TextContent);
    }

    [Fact]
    public void While_the_identity_provider_is_down_its_page_explains_and_reloads_itself()
    {
        Services.AddSingleton<IdentityProviderStatus>(new FakeIdentityProviderStatus(available: false));

        var page = Render<IdentityProviderUnavailable>();

        Assert.Contains("Sign-in is unavailable right now", page.Find("[data-testid=identity-provider-unavailable]").TextContent);
        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.Equal("http://localhost/", navigation.Uri);
    }

    [Fact]
    public void Once_the_identity_provider_is_back_its_page_continues_to_the_login()
    {
        Services.AddSingleton<IdentityProviderStatus>(new FakeIdentityProviderStatus(available: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/identity-provider-unavailable?returnUrl=%2Fprofile");

        Render<IdentityProviderUnavailable>();

        Assert.Equal("http://localhost/authentication/login?returnUrl=%2Fprofile", navigation.Uri);
    }

    [Fact]
    public void The_unavailable_page_never_sends_the_user_to_another_site()
    {
        Services.AddSingleton<IdentityProviderStatus>(new FakeIdentityProviderStatus(available: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/identity-provider-unavailable?returnUrl=https%3A%2F%2Fevil.example%2F");

        Render<IdentityProviderUnavailable>();

        Assert.Equal("http://localhost/authentication/login?returnUrl=%2F", navigation.Uri);
    }

    [Fact]
    public void The_not_allowed_page_explains_and_leads_back()
    {
        var page = RenderWithProviders<NotAllowed>();

        Assert.Contains("Not allowed", page.Find("[data-testid=not-allowed]").TextContent);
        Assert.Equal("/", page.Find("[data-testid=not-allowed] a").GetAttribute("href"));
    }

    private sealed class FakeIdentityProviderStatus(bool available) : IdentityProviderStatus(null!, null!, null!)
    {
        public override Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) => Task.FromResult(available);
    }
}
