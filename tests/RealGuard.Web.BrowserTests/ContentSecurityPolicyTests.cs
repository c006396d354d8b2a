using Microsoft.Playwright;
using RealGuard.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RealGuard.Web.BrowserTests.Infrastructure.UserSteps;

namespace RealGuard.Web.BrowserTests;

/// <summary>
/// The web app under its Content-Security-Policy in a real browser: Blazor's circuit, MudBlazor's components and the
/// pages work, and Chromium reports no violation at all (neither in the console nor as a securitypolicyviolation event).
/// </summary>
[Collection(BrowserStackCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserStackFixture fixture)
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task The_pages_work_under_the_policy_without_a_single_violation()
    {
        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        var reported = new List<string>();
        page.Console += (_, message) =>
        {
            if (page.Url.StartsWith(fixture.WebUrl, StringComparison.Ordinal) && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (reported)
                {
                    reported.Add(message.Text);
                }
            }
        };

        var home = await page.GotoAsync("/");
        Assert.Contains("frame-ancestors 'none'", await home!.HeaderValueAsync("content-security-policy"));
        await AssertNoViolationAsync(page, reported);

        await LogInAsync(page, "erin");
        await InteractiveAsync(page);
        var globex = page.Locator("[data-testid=system]", new() { HasText = "Globex Lab" });
        await Expect(globex).ToBeVisibleAsync(Soon);
        await globex.Locator("[data-action]").First.ClickAsync(); // a round trip through the circuit
        await Expect(page.Locator("[data-testid=problem]")).ToHaveCountAsync(0);
        await AssertNoViolationAsync(page, reported);

        await page.ClickAsync("text=Notifications");
        await Expect(page.Locator("[data-testid=notifications]")).ToBeVisibleAsync(Soon);
        await page.ClickAsync("text=Profile");
        await Expect(page.Locator("[data-testid=user-name]")).ToBeVisibleAsync(Soon);
        await page.GotoAsync("/"); // a full load with a fresh nonce, then the circuit again
        await InteractiveAsync(page);
        await Expect(globex).ToBeVisibleAsync(Soon);
        await AssertNoViolationAsync(page, reported);
    }

    private static async Task AssertNoViolationAsync(IPage page, List<string> reported)
    {
        var events = await page.EvaluateAsync<string[]>("window.__cspViolations ?? []");
        Assert.Empty(events);
        lock (reported)
        {
            Assert.Empty(reported);
        }
    }
}
