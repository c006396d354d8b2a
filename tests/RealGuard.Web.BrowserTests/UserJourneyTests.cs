using System.Diagnostics;
using Microsoft.Playwright;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RealGuard.Web.BrowserTests.Infrastructure.UserSteps;

namespace RealGuard.Web.BrowserTests;

[Collection(BrowserStackCollection.Name)]
public sealed class UserJourneyTests(BrowserStackFixture fixture)
{
    private const string AcmeHq = "c0000000-0000-0000-0000-000000000001";

    [Fact]
    public async Task Bob_logs_in_sees_his_system_arms_it_and_after_logout_must_give_his_password_again()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-testid=hero-login]")).ToBeVisibleAsync();
        await ScreenshotAsync(page, fixture, "01-home-anonymous");

        await page.ClickAsync("[data-testid=hero-login]");
        await ScreenshotAsync(page, fixture, "02-identity-provider-login");
        await SignInAtIdentityProviderAsync(page, "bob");

        var acme = page.Locator($"[data-testid=system][data-system-id='{AcmeHq}']");
        await Expect(acme).ToContainTextAsync("Acme HQ", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await Expect(acme.Locator("[data-testid=state]")).ToHaveTextAsync("DISARMED");
        await Expect(acme.Locator("[data-action]")).ToHaveCountAsync(1); // bob is an armer: ARM only
        await InteractiveAsync(page);
        await ScreenshotAsync(page, fixture, "03-home-systems");

        await acme.Locator("[data-action=ARM]").ClickAsync();
        await Expect(acme.Locator("[data-testid=state]")).ToHaveTextAsync("ARMED");
        await Expect(acme.Locator("[data-action]")).ToHaveCountAsync(0); // and not a disarmer

        await acme.GetByText("Details").ClickAsync();
        await Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("ARM");
        await Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("bob");
        await ScreenshotAsync(page, fixture, "04-security-system");

        await page.ClickAsync("#logout");
        await Expect(page.Locator("[data-testid=hero-login]")).ToBeVisibleAsync(Soon);
        await InteractiveAsync(page);
        await page.ClickAsync("[data-testid=hero-login]");
        await Expect(page.Locator("#kc-form-login")).ToBeVisibleAsync(Soon); // the IAM's session ended too
    }

    [Fact(Skip = "Real-time browser loop asserting counts: flaky under load; to move to FakeTimeProvider (issue 14)")]
    public async Task A_page_that_keeps_calling_the_services_works_for_several_token_lifetimes_with_one_refresh_per_lifetime()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "dave");
        await page.GotoAsync($"/securitysystems/{AcmeHq}");
        await InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=system]")).ToBeVisibleAsync(Soon);
        var refreshesBefore = fixture.TokenRequests("refresh_token");
        var loadsBefore = await LoadsAsync(page);
        var elapsed = Stopwatch.StartNew();

        // The page polls the service every second; meanwhile the browser also calls the BFF's API in bursts.
        var apiCalls = 0;
        while (elapsed.Elapsed < TimeSpan.FromSeconds(BrowserStackFixture.AccessTokenLifetimeSeconds * 3.5))
        {
            var statuses = await page.EvaluateAsync<int[]>(
                """() => Promise.all([1, 2, 3].map(() => fetch('/api/security-system-service/securitysystems', { headers: { 'X-CSRF': '1' } }).then(r => r.status)))""");
            Assert.All(statuses, status => Assert.Equal(200, status));
            apiCalls += statuses.Length;
            await Task.Delay(500);
        }

        var loads = await LoadsAsync(page) - loadsBefore;
        var refreshes = fixture.TokenRequests("refresh_token") - refreshesBefore;
        var lifetimes = elapsed.Elapsed.TotalSeconds / BrowserStackFixture.AccessTokenLifetimeSeconds;
        Assert.True(loads >= 8, $"The page refreshed its data {loads} times in {elapsed.Elapsed.TotalSeconds:0} s");
        Assert.Equal(0, await page.Locator("[data-testid=problem]").CountAsync());
        Assert.Equal(0, await page.Locator("#kc-form-login").CountAsync());
        Assert.InRange(refreshes, Math.Floor(lifetimes) - 1, Math.Ceiling(lifetimes * 1.25) + 1);
        Assert.True(loads * 2 + apiCalls > refreshes * 5, $"{loads * 2 + apiCalls} calls, {refreshes} refreshes");
    }

    [Fact]
    public async Task Back_channel_logout_ends_the_session_and_the_open_page_asks_for_a_new_login()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "carol");
        await InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=system]").First).ToBeVisibleAsync(Soon);

        // carol logs out at the IAM in another tab; the IAM tells the web app over the back channel.
        var webLogMark = fixture.Stack.Logs(StackResources.Web).Count;
        var otherTab = await context.NewPageAsync();
        await otherTab.GotoAsync($"{fixture.Stack.Authority}/protocol/openid-connect/logout");
        await otherTab.ClickAsync("#kc-logout");

        await Expect(page.Locator("[data-testid=session-ended]")).ToBeVisibleAsync(Soon);
        await Expect(page.Locator("#login")).ToBeVisibleAsync();
        // Tokens live 4 s here, so a refused refresh would end the session within the wait too: it must not be what did.
        Assert.DoesNotContain(fixture.Stack.Logs(StackResources.Web).Skip(webLogMark),
            line => line.Contains("Server-side session ended: the refresh failed", StringComparison.Ordinal));
        await ScreenshotAsync(page, fixture, "10-session-ended");
        await page.ClickAsync("#login");
        await Expect(page.Locator("#kc-form-login")).ToBeVisibleAsync(Soon);
    }

    private static async Task<int> LoadsAsync(IPage page)
        => int.Parse(await page.Locator("[data-testid=poll-count]").TextContentAsync() ?? "0");
}
