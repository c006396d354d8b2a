using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Web.BrowserTests.Infrastructure;

/// <summary>
/// The whole of RealGuard started by its AppHost (with the Aspire dashboard) with demo data, and one headless
/// Chromium. The web client's access tokens live <see cref="AccessTokenLifetimeSeconds"/> seconds so refresh happens
/// within a test; open pages poll every second.
/// </summary>
public sealed class BrowserStackFixture : IAsyncLifetime
{
    public const int AccessTokenLifetimeSeconds = 4;

    private IPlaywright? playwright;

    public RealGuardApp Stack { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string WebUrl => Stack.Url(StackResources.Web);

    public string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var options = new RealGuardAppOptions { EnableDashboard = true };
        options.AdjustRealm = ShortWebTokens;
        options.WithEnvironment(StackResources.Web, "Ui__PollInterval", "00:00:01");
        options.WithEnvironment(StackResources.Web, "Session__RevalidationInterval", "00:00:01");
        Stack = await RealGuardApp.StartAsync(options);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Only realguard-web's tokens are short (Keycloak's per-client access.token.lifespan); services keep theirs.</summary>
    private static void ShortWebTokens(JsonObject realm)
    {
        var web = realm["clients"]!.AsArray().Single(client => client!["clientId"]!.GetValue<string>() == "realguard-web")!;
        web["attributes"]!["access.token.lifespan"] = AccessTokenLifetimeSeconds.ToString();
    }

    /// <summary>A fresh browser context: its own cookies, so its own login.</summary>
    public Task<IBrowserContext> NewContextAsync()
        => Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = WebUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });

    /// <summary>Token requests of the web client with this grant type, as the identity provider logged them.</summary>
    public int TokenRequests(string grantType)
        => Stack.Logs(Keycloak).Count(line => line.Contains($"Token request: grant_type={grantType} client_id=realguard-web", StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserStackCollection : ICollectionFixture<BrowserStackFixture>
{
    public const string Name = "Browser stack";
}
