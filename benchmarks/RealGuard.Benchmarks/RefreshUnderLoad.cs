using System.Diagnostics;
using System.Net;
using RealGuard.Testing.AppHost;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.Benchmarks;

/// <summary>
/// Issue 11, item 4: <c>sessions</c> people logged in to the BFF at once, each calling security-system-service through
/// <c>/api</c> for <c>lifetimes</c> access-token lifetimes, the realm's token lifetime shortened to <c>lifetime</c>
/// seconds. Counts the refresh grants the IAM receives from the web app meanwhile (its token request log), requests
/// that did not answer 200, and sessions lost (401, or no session at the end). Fails on any failure or lost session,
/// or when the refreshes are far from one per session per lifetime.
/// </summary>
internal static class RefreshUnderLoad
{
    private const string ApiPath = "/api/security-system-service/securitysystems";

    internal sealed record Settings(int Sessions, int LifetimeSeconds, int Lifetimes, TimeSpan Pause)
    {
        public static Settings Parse(string[] args)
        {
            var settings = new Settings(50, 10, 3, TimeSpan.FromMilliseconds(250));
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                settings = args[i] switch
                {
                    "--sessions" => settings with { Sessions = int.Parse(args[i + 1]) },
                    "--lifetime" => settings with { LifetimeSeconds = int.Parse(args[i + 1]) },
                    "--lifetimes" => settings with { Lifetimes = int.Parse(args[i + 1]) },
                    "--pause-ms" => settings with { Pause = TimeSpan.FromMilliseconds(int.Parse(args[i + 1])) },
                    _ => throw new ArgumentException($"Unknown option {args[i]}"),
                };
            }
            return settings;
        }
    }

    public static async Task<int> RunAsync(Settings settings)
    {
        Console.Error.WriteLine($"refresh under load: starting the stack with {settings.LifetimeSeconds} s access tokens...");
        await using var stack = await FreePortStack.StartAsync(realm => realm["accessTokenLifespan"] = settings.LifetimeSeconds, Gateway);
        var webUrl = stack.Url(Web);

        // Logged in a few at a time, as people arrive; demo users take turns (a person may hold several sessions).
        var users = new[] { ("bob", "bob-dev-password"), ("carol", "carol-dev-password"), ("dave", "dave-dev-password"), ("erin", "erin-dev-password") };
        var browsers = new Logins.Browser[settings.Sessions];
        using (var gate = new SemaphoreSlim(4))
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Sessions).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    browsers[i] = new Logins.Browser(webUrl);
                    var (user, password) = users[i % users.Length];
                    await browsers[i].LoginAsync(user, password);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var duration = TimeSpan.FromSeconds(settings.LifetimeSeconds * settings.Lifetimes);
        Console.Error.WriteLine($"{settings.Sessions} sessions logged in; calling {ApiPath} for {duration.TotalSeconds:0} s...");
        var refreshesBefore = Refreshes(stack);
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(browsers.Select(browser => CallUntilAsync(browser, deadline, settings.Pause)));
        var refreshes = Refreshes(stack) - refreshesBefore;

        var lost = 0;
        foreach (var browser in browsers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/bff/session") { Headers = { { "X-CSRF", "1" } } };
            using var response = await browser.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK || results.Any(result => result.Lost && ReferenceEquals(result.Browser, browser)))
            {
                lost++;
            }
            browser.Dispose();
        }

        var requests = results.Sum(result => result.Requests);
        var failed = results.Sum(result => result.Failed);
        var perSessionPerLifetime = refreshes / (double)(settings.Sessions * settings.Lifetimes);
        Console.WriteLine($"REFRESH sessions={settings.Sessions} lifetime_s={settings.LifetimeSeconds} duration_s={duration.TotalSeconds:0} " +
            $"requests={requests} failed={failed} lost={lost} refreshes={refreshes} per_session_per_lifetime={perSessionPerLifetime:0.00}");
        return failed == 0 && lost == 0 && perSessionPerLifetime is >= 0.5 and <= 2.0 ? 0 : 1;
    }

    private sealed record SessionResult(Logins.Browser Browser, int Requests, int Failed, bool Lost);

    private static async Task<SessionResult> CallUntilAsync(Logins.Browser browser, long deadline, TimeSpan pause)
    {
        int requests = 0, failed = 0;
        var lost = false;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ApiPath) { Headers = { { "X-CSRF", "1" } } };
            try
            {
                using var response = await browser.Http.SendAsync(request);
                requests++;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failed++;
                    lost |= response.StatusCode == HttpStatusCode.Unauthorized;
                    Console.Error.WriteLine($"  {(int)response.StatusCode} from {ApiPath}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                requests++;
                failed++;
                Console.Error.WriteLine($"  {ApiPath} failed: {e.Message}");
            }
            await Task.Delay(pause);
        }
        return new SessionResult(browser, requests, failed, lost);
    }

    /// <summary>The web app's refresh grants so far, from the identity provider's token request log.</summary>
    private static int Refreshes(RealGuardApp stack) => stack.Logs(Keycloak)
        .Count(line => line.Contains("Token request: grant_type=refresh_token client_id=realguard-web", StringComparison.Ordinal));
}
