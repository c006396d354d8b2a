using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.EndToEnd.Tests;

/// <summary>RealGuardIO's end-to-end scenario through the running stack, over HTTP, with tokens from the login form.</summary>
[Collection(ServicesCollection.Name)]
public sealed class RealGuardScenarioTests(ServicesFixture services)
{
    [Fact]
    public async Task People_arm_disarm_and_view_a_security_system_by_the_roles_they_hold_at_its_location()
    {
        var acme = await CustomerSetup.CreateAsync(services);

        using var armer = await services.LoginAsync(SecuritySystemService, acme.Armer.Email, acme.Armer.Password);
        var listed = await SystemInListAsync(armer, acme.SecuritySystemId);
        Assert.Equal("DISARMED", listed.GetProperty("state").GetString());
        Assert.Equal(["ARM"], Actions(listed));
        var armed = await (await ActAsync(armer, acme.SecuritySystemId, "ARM")).ReadAsync<JsonElement>();
        Assert.Equal("ARMED", armed.GetProperty("state").GetString());

        using var disarmer = await services.LoginAsync(SecuritySystemService, acme.Disarmer.Email, acme.Disarmer.Password);
        Assert.Equal(["DISARM"], Actions(await SystemInListAsync(disarmer, acme.SecuritySystemId)));
        var disarmed = await (await ActAsync(disarmer, acme.SecuritySystemId, "DISARM")).ReadAsync<JsonElement>();
        Assert.Equal("DISARMED", disarmed.GetProperty("state").GetString());

        using var viewer = await services.LoginAsync(SecuritySystemService, acme.Viewer.Email, acme.Viewer.Password);
        Assert.Empty(Actions(await SystemInListAsync(viewer, acme.SecuritySystemId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(viewer, acme.SecuritySystemId, "ARM")).StatusCode);

        using var otherCustomer = await services.LoginAsync(SecuritySystemService, "erin", "erin-dev-password");
        var erinsList = await (await otherCustomer.GetAsync("/securitysystems")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(erinsList.GetProperty("securitySystems").EnumerateArray(), s => s.GetProperty("id").GetString() == acme.SecuritySystemId);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCustomer.GetAsync($"/securitysystems/{acme.SecuritySystemId}")).StatusCode);

        // Everyone with a role at the location is told of both changes; nobody else is (the company administrator
        // manages people, and holds no role at the location).
        foreach (var person in new[] { acme.Armer, acme.Disarmer, acme.Viewer })
        {
            var messages = await NotificationsForAsync(person.Email, person.Password, acme.SecuritySystemId, expected: 2);
            Assert.Equal(2, messages.Count);
        }
        Assert.Empty(await NotificationsForAsync(acme.Administrator.Email, acme.Administrator.Password, acme.SecuritySystemId, expected: 0));
        using var erinsNotifications = await services.LoginAsync(NotificationService, "erin", "erin-dev-password");
        var erinsMessages = await (await erinsNotifications.GetAsync("/notifications")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(erinsMessages.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("securitySystemId").GetString() == acme.SecuritySystemId);
    }

    [Fact]
    public async Task A_change_made_while_notification_service_is_down_is_notified_once_it_is_back_and_only_once()
    {
        var acme = await CustomerSetup.CreateAsync(services);
        using var armer = await services.LoginAsync(SecuritySystemService, acme.Armer.Email, acme.Armer.Password);

        await services.Stack.StopPartAsync(NotificationService);
        try
        {
            var armed = await (await ActAsync(armer, acme.SecuritySystemId, "ARM")).ReadAsync<JsonElement>();
            Assert.Equal("ARMED", armed.GetProperty("state").GetString());
        }
        finally
        {
            await services.Stack.StartPartAsync(NotificationService);
        }

        var delivered = await NotificationsForAsync(acme.Armer.Email, acme.Armer.Password, acme.SecuritySystemId, expected: 1);
        Assert.Single(delivered);
        // Retries after the outage must not duplicate it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await NotificationsForAsync(acme.Armer.Email, acme.Armer.Password, acme.SecuritySystemId, expected: 1));
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string id, string action) =>
        client.PutAsJsonAsync($"/securitysystems/{id}", new { action });

    private static async Task<JsonElement> SystemInListAsync(HttpClient client, string id)
    {
        var list = await (await client.GetAsync("/securitysystems")).ReadAsync<JsonElement>();
        return Assert.Single(list.GetProperty("securitySystems").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    private static string[] Actions(JsonElement system) =>
        system.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray();

    /// <summary>The person's notifications about one security system, polled until the expected number arrived (bounded).</summary>
    private async Task<List<JsonElement>> NotificationsForAsync(string username, string password, string securitySystemId, int expected)
    {
        using var client = await services.LoginAsync(NotificationService, username, password);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var body = await (await client.GetAsync("/notifications")).ReadAsync<JsonElement>();
            var about = body.GetProperty("notifications").EnumerateArray()
                .Where(n => n.GetProperty("securitySystemId").GetString() == securitySystemId).ToList();
            if (about.Count >= expected || DateTime.UtcNow > deadline)
            {
                return about;
            }
            await Task.Delay(500);
        }
    }
}
