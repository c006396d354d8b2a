using Microsoft.Playwright;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RealGuard.Web.BrowserTests.Infrastructure.UserSteps;

namespace RealGuard.Web.BrowserTests;

/// <summary>Each screen as its user sees it, with a screenshot of each (bin/.../artifacts/screenshots).</summary>
[Collection(BrowserStackCollection.Name)]
public sealed class ScreenTests(BrowserStackFixture fixture)
{
    [Fact]
    public async Task The_RealGuard_administrator_creates_a_customer_with_its_initial_administrator()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "admin");
        await page.ClickAsync("text=Customers");
        await Expect(page.Locator("[data-testid=customers]")).ToContainTextAsync("Acme Corporation", new() { Timeout = 15_000 });
        await InteractiveAsync(page);

        var suffix = Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#customer-name", $"Initech {suffix}");
        await page.FillAsync("#admin-first-name", "Peter");
        await page.FillAsync("#admin-last-name", "Gibbons");
        await page.FillAsync("#admin-email", $"peter.{suffix}@initech.example");
        await page.ClickAsync("#create-customer");

        await Expect(page.Locator("[data-testid=initial-password], [data-testid=problem]").First).ToBeVisibleAsync(Soon);
        if (await page.Locator("[data-testid=problem]").CountAsync() > 0)
        {
            Assert.Fail(await page.Locator("[data-testid=problem]").InnerTextAsync());
        }

        await Expect(page.Locator("[data-testid=initial-password]")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid=customers]")).ToContainTextAsync($"Initech {suffix}");
        await Expect(page.Locator("#create-customer")).ToBeEnabledAsync();
        Assert.Equal(0, await page.Locator(".mud-input-error").CountAsync()); // the emptied form is not in error
        await page.WaitForTimeoutAsync(300); // MudBlazor's label colour transition
        await ScreenshotAsync(page, fixture, "05-customers");
    }

    [Fact]
    public async Task A_company_administrator_sees_employees_locations_teams_and_role_assignments()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "alice");
        await page.ClickAsync("text=Customer administration");

        await Expect(page.Locator("[data-testid=employees]")).ToContainTextAsync("Bob", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=employees]")).ToContainTextAsync("SECURITY_SYSTEM_ARMER");
        await ScreenshotAsync(page, fixture, "06-customer-administration-employees");

        await InteractiveAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Role assignments')");
        await Expect(page.GetByText("A role at a location")).ToBeVisibleAsync();
        await ScreenshotAsync(page, fixture, "07-customer-administration-roles");
    }

    [Fact]
    public async Task An_employee_sees_the_notifications_of_what_happened_at_their_locations()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "erin");
        await InteractiveAsync(page);
        var globex = page.Locator("[data-testid=system]", new() { HasText = "Globex Lab" });
        await Expect(globex).ToBeVisibleAsync(Soon);
        var action = globex.Locator("[data-action]").First; // ARM or DISARM, whichever the state allows: erin may do both
        var before = await globex.Locator("[data-testid=state]").TextContentAsync();
        await action.ClickAsync();
        // The change is made once the card shows it; leaving the page earlier would cancel the call.
        await Expect(globex.Locator("[data-testid=state]")).Not.ToHaveTextAsync(before ?? "", new() { Timeout = 15_000 });

        await page.ClickAsync("text=Notifications");
        // Delivered by security-system-service's outbox: reload until it has arrived.
        var notifications = page.Locator("[data-testid=notifications]");
        await Expect(notifications).ToBeVisibleAsync(Soon);
        for (var attempt = 0; attempt < 20 && !(await notifications.TextContentAsync() ?? "").Contains("Globex Lab"); attempt++)
        {
            await Task.Delay(1_000);
            await page.ReloadAsync();
            await Expect(notifications).ToBeVisibleAsync(Soon);
        }

        await Expect(notifications).ToContainTextAsync("Globex Lab");
        await ScreenshotAsync(page, fixture, "08-notifications");
    }

    [Fact]
    public async Task The_profile_shows_claims_and_session_expiry_but_no_token()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "dave");
        await page.ClickAsync("text=Profile");

        await Expect(page.Locator("[data-testid=claims]")).ToContainTextAsync("preferred_username", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=session-expires]")).ToContainTextAsync("min)");
        Assert.DoesNotContain("eyJ", await page.ContentAsync());
        await ScreenshotAsync(page, fixture, "09-profile");
    }

    [Fact]
    public async Task An_employee_who_opens_the_customers_page_is_told_it_is_not_allowed()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "bob");

        await page.GotoAsync("/customers");

        await Expect(page.Locator("[data-testid=not-allowed]")).ToBeVisibleAsync(Soon);
        Assert.EndsWith("/not-allowed?returnUrl=%2Fcustomers", page.Url);
        await ScreenshotAsync(page, fixture, "11-not-allowed");
    }

    [Fact]
    public async Task While_the_identity_provider_is_down_the_login_shows_a_page_that_continues_once_it_is_back()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await fixture.Stack.StopPartAsync(StackResources.Keycloak);
        try
        {
            await page.ClickAsync("#login");
            await Expect(page.Locator("[data-testid=identity-provider-unavailable]")).ToBeVisibleAsync(Soon);
            await ScreenshotAsync(page, fixture, "12-identity-provider-unavailable");
        }
        finally
        {
            await fixture.Stack.StartPartAsync(StackResources.Keycloak);
        }

        // Nobody clicks anything: the page's own retry takes the user on to the login form.
        await Expect(page.Locator("#kc-form-login")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await SignInAtIdentityProviderAsync(page, "dave");
        await Expect(page.Locator("[data-testid=user-name]")).ToBeVisibleAsync(Soon);
    }
}
