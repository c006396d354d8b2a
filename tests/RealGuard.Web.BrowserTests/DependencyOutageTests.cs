using RealGuard.AppHost;
using RealGuard.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RealGuard.Web.BrowserTests.Infrastructure.UserSteps;

namespace RealGuard.Web.BrowserTests;

/// <summary>
/// customer-service hangs while a user watches the security systems: the page says which part is unavailable (within
/// the services' timeout budget, then at once from the open circuit) and recovers by itself once it answers again.
/// </summary>
[Collection(BrowserStackCollection.Name)]
public sealed class DependencyOutageTests(BrowserStackFixture fixture)
{
    [Fact]
    public async Task The_systems_page_names_the_part_that_is_unavailable_and_recovers_by_itself()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "bob");
        await InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=system]", new() { HasText = "Acme HQ" })).ToBeVisibleAsync(Soon);

        var problem = page.Locator("[data-testid=problem]");
        using (fixture.PausePart(StackResources.CustomerService))
        {
            await Expect(problem).ToContainTextAsync("customer-service", new() { Timeout = 30_000 });
            await ScreenshotAsync(page, fixture, "10-customer-service-unavailable");
        }

        await Expect(problem).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=system]", new() { HasText = "Acme HQ" })).ToBeVisibleAsync(Soon);
    }
}
