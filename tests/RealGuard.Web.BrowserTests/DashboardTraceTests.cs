using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RealGuard.AppHost;
using RealGuard.Testing;
using RealGuard.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RealGuard.Web.BrowserTests.Infrastructure.UserSteps;

namespace RealGuard.Web.BrowserTests;

/// <summary>
/// One user action is one trace in the Aspire dashboard: bob arming Acme HQ in the browser shows web →
/// security-system-service → customer-service, and the outbox delivery to notification-service, with who did it
/// (sub, OAuth client) and never a token. Read through the dashboard's telemetry API; screenshots kept as artifacts.
/// </summary>
[Collection(BrowserStackCollection.Name)]
public sealed class DashboardTraceTests(BrowserStackFixture fixture)
{
    private const string AcmeHq = "c0000000-0000-0000-0000-000000000001";

    [Fact]
    public async Task Bob_arming_Acme_HQ_in_the_browser_is_one_trace_across_the_services_in_the_dashboard()
    {
        await SetAcmeHqAsync("carol", from: "ARMED", action: "DISARM");
        var bob = Subject((await UserTokens.LoginAsync(fixture.Stack.Authority, "bob", "bob-dev-password")).AccessToken);

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, "bob");
        await InteractiveAsync(page);
        var acme = page.Locator($"[data-testid=system][data-system-id='{AcmeHq}']");
        await acme.Locator("[data-action=ARM]").ClickAsync();
        await Expect(acme.Locator("[data-testid=state]")).ToHaveTextAsync("ARMED");

        try
        {
            using var dashboard = new HttpClient { BaseAddress = await DashboardAsync(), Timeout = TimeSpan.FromSeconds(30) };
            dashboard.DefaultRequestHeaders.Add("x-api-key", fixture.Stack.DashboardApiKey);

            var arm = await EventuallyAsync(async () => (await SpansAsync(dashboard, StackResources.SecuritySystemService))
                .LastOrDefault(span => span.Attribute("http.request.method") == "PUT" && span.Attribute(CallerTracingTags.UserId) == bob));
            Assert.Equal("realguard-web", arm.Attribute(CallerTracingTags.ClientId));

            IReadOnlyList<Span> ofTrace = [];
            var trace = await EventuallyAsync(async () =>
            {
                var spans = await SpansAsync(dashboard, TracedServices);
                ofTrace = [.. spans.Where(span => span.TraceId == arm.TraceId)];
                // Each service exports on its own schedule: wait for all four (the IAM may join) and for the outbox's delivery span.
                return TracedServices.All(service => ofTrace.Any(span => span.Service == service)) && ofTrace.Any(IsOutboxDelivery) ? ofTrace : null;
            }, () => $"the trace of the arm holds: {string.Join(", ", ofTrace.Select(span => $"{span.Service} {span.Name}"))}");

            Assert.All(trace, span => Assert.DoesNotContain("eyJ", span.Json.ToJsonString(), StringComparison.Ordinal));

            await using var dashboardContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
            var dashboardPage = await dashboardContext.NewPageAsync();
            await dashboardPage.GotoAsync((await fixture.Stack.DashboardLoginUrlAsync()).ToString());
            await Expect(dashboardPage.GetByText(StackResources.SecuritySystemService).First).ToBeVisibleAsync(Soon);
            await ScreenshotAsync(dashboardPage, fixture, "dashboard-resources");
            await dashboardPage.GotoAsync(new Uri(dashboard.BaseAddress!, $"/traces/detail/{arm.TraceId}").ToString());
            await Expect(dashboardPage.GetByText(StackResources.NotificationService).First).ToBeVisibleAsync(Soon);
            await ScreenshotAsync(dashboardPage, fixture, "dashboard-trace-bob-arms-acme-hq");
        }
        finally
        {
            await SetAcmeHqAsync("carol", from: "ARMED", action: "DISARM"); // leave the system as the other tests expect it
        }
    }

    private static readonly string[] TracedServices =
        [StackResources.Web, StackResources.SecuritySystemService, StackResources.CustomerService, StackResources.NotificationService];

    private static bool IsOutboxDelivery(Span span) => span.Service == StackResources.SecuritySystemService && span.Name == "outbox deliver";

    private async Task<Uri> DashboardAsync() => new((await fixture.Stack.DashboardLoginUrlAsync()).GetLeftPart(UriPartial.Authority));

    /// <summary>Every span the dashboard holds for these resources, each with the service that reported it.</summary>
    private static async Task<IReadOnlyList<Span>> SpansAsync(HttpClient dashboard, params string[] resources)
    {
        var spans = new List<Span>();
        foreach (var resource in resources)
        {
            using var response = await dashboard.GetAsync($"/api/telemetry/traces?resource={resource}");
            if (!response.IsSuccessStatusCode)
            {
                continue; // no telemetry from it yet
            }

            Collect(JsonNode.Parse(await response.Content.ReadAsStringAsync()), resource, spans);
        }

        return spans;
    }

    /// <summary>Walks the OTLP JSON: a span is an object with a traceId and a spanId; its service is the nearest resource's service.name.</summary>
    private static void Collect(JsonNode? node, string service, List<Span> spans)
    {
        switch (node)
        {
            case JsonObject obj when obj["traceId"] is not null && obj["spanId"] is not null:
                spans.Add(new Span(service, obj));
                break;
            case JsonObject obj:
                var own = obj["resource"]?["attributes"] is JsonArray attributes ? Span.Value(attributes, "service.name") ?? service : service;
                foreach (var (_, child) in obj)
                {
                    Collect(child, own, spans);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, service, spans);
                }

                break;
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, Func<string>? lastSeen = null)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"Not seen in the dashboard within 60 s; {lastSeen?.Invoke() ?? "nothing matched"}.");
    }

    private async Task SetAcmeHqAsync(string user, string from, string action)
    {
        var token = (await UserTokens.LoginAsync(fixture.Stack.Authority, user, $"{user}-dev-password")).AccessToken;
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Stack.Url(StackResources.SecuritySystemService)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var system = await http.GetFromJsonAsync<JsonObject>($"/securitysystems/{AcmeHq}");
        if ((string?)system!["state"] == from)
        {
            using var response = await http.PutAsJsonAsync($"/securitysystems/{AcmeHq}", new { action });
            response.EnsureSuccessStatusCode();
        }
    }

    private static string Subject(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.GetProperty("sub").GetString()!;
    }

    private sealed record Span(string Service, JsonObject Json)
    {
        public string TraceId => (string)Json["traceId"]!;

        public string? Name => (string?)Json["name"];

        public string? Attribute(string key) => Json["attributes"] is JsonArray attributes ? Value(attributes, key) : null;

        public static string? Value(JsonArray attributes, string key) =>
            attributes.OfType<JsonObject>().FirstOrDefault(attribute => (string?)attribute["key"] == key)?["value"] is JsonObject value
                ? value.Select(v => v.Value?.ToString()).FirstOrDefault()
                : null;
    }

    /// <summary>The span attributes ServiceDefaults' CallerTracing sets.</summary>
    private static class CallerTracingTags
    {
        public const string UserId = "enduser.id";
        public const string ClientId = "oauth.client_id";
    }
}
