using Microsoft.Playwright;

namespace RealGuard.Web.BrowserTests.Infrastructure;

/// <summary>What a user does in the browser, step by step, with Playwright's auto-waiting assertions.</summary>
public static class UserSteps
{
    public static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    /// <summary>On the IAM's login form (the same selectors as Keycloak's): fills it in and submits.</summary>
    public static async Task SignInAtIdentityProviderAsync(IPage page, string username)
    {
        await Assertions.Expect(page.Locator("#kc-form-login")).ToBeVisibleAsync(Soon);
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", $"{username}-dev-password");
        await page.ClickAsync("#kc-login");
    }

    /// <summary>From the home page: clicks "Log in", signs in, and waits for the user's name in the app bar.</summary>
    public static async Task LogInAsync(IPage page, string username, string startAt = "/")
    {
        await page.GotoAsync(startAt);
        // The circuit re-renders the prerendered page as it connects; a click during that swap lands on nothing.
        await InteractiveAsync(page);
        await page.ClickAsync("#login");
        await SignInAtIdentityProviderAsync(page, username);
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToBeVisibleAsync(Soon);
        await InteractiveAsync(page);
    }

    /// <summary>Waits until the page's circuit is connected, so clicks reach the server.</summary>
    public static Task InteractiveAsync(IPage page)
        => Assertions.Expect(page.Locator("[data-testid=interactive]")).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 15_000 });

    public static async Task ScreenshotAsync(IPage page, BrowserStackFixture fixture, string name)
        => await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
