using System.Net;
using System.Net.Http.Json;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using RealGuard.Testing;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.DemoData;

namespace RealGuard.SecuritySystemService.Tests.Api;

/// <summary>
/// What happens when the services around security-system-service are down: without customer-service no one's rights
/// are known (503); without notification-service changes still succeed and their events are delivered once it is back.
/// </summary>
[Collection(SecuritySystemStack.Collection)]
public sealed class OutageTests(SecuritySystemStack stack) : IAsyncLifetime
{
    public async Task InitializeAsync() => await stack.DisarmAsync(AcmeHqSystem);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_change_reaches_the_people_at_the_location_through_notification_service()
    {
        var armedAfter = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var arm = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM");
        await SecuritySystemStack.ReadAsync<SecuritySystemView>(arm);

        var notification = await WaitForNotificationAsync("dave", n => n.OccurredAt >= armedAfter && n.Message.Contains("armed Acme HQ"));

        Assert.Equal(AcmeHqSystem, notification.SecuritySystemId);
        Assert.Contains("Bob", notification.Message);
    }

    [Fact]
    public async Task Events_written_while_notification_service_is_down_arrive_once_it_is_back()
    {
        // Only what happens from here on counts: the disarm of InitializeAsync may still be on its way.
        var stoppedAt = DateTimeOffset.UtcNow;
        await stack.Stack.StopPartAsync(StackResources.NotificationService);
        try
        {
            using var arm = await stack.PutActionAsync("bob", AcmeHqSystem, "ARM");
            Assert.Equal(HttpStatusCode.OK, arm.StatusCode);
            using var disarm = await stack.PutActionAsync("carol", AcmeHqSystem, "DISARM");
            Assert.Equal(HttpStatusCode.OK, disarm.StatusCode);
        }
        finally
        {
            await stack.Stack.StartPartAsync(StackResources.NotificationService);
        }

        // Delivered in order, each once: bob's arm before carol's disarm (newest first).
        var arrived = await WaitForNotificationsAsync("carol", stoppedAt, 2);
        Assert.Equal(2, arrived.Count);
        Assert.Matches(@"^Carol .*\bdisarmed\b", arrived[0].Message);
        Assert.Matches(@"^Bob .*(?<!dis)armed\b", arrived[1].Message);
        Assert.NotEqual(arrived[0].EventId, arrived[1].EventId);
    }

    [Fact]
    public async Task Without_customer_service_the_list_is_503_not_a_guess()
    {
        await stack.UserTokenAsync("bob");
        await stack.Stack.StopPartAsync(StackResources.CustomerService);
        try
        {
            using var response = await stack.SendAsync(HttpMethod.Get, "/securitysystems", "bob");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            await stack.Stack.StartPartAsync(StackResources.CustomerService);
        }

        Assert.Contains(await stack.ListAsync("bob"), system => system.Id == AcmeHqSystem);
    }

    private async Task<IReadOnlyList<NotificationView>> NotificationsAsync(string username)
    {
        using var response = await stack.SendWithTokenAsync(HttpMethod.Get,
            stack.Url(StackResources.NotificationService, "/notifications"), await stack.UserTokenAsync(username));
        return (await SecuritySystemStack.ReadAsync<NotificationsView>(response)).Notifications;
    }

    private async Task<NotificationView> WaitForNotificationAsync(string username, Func<NotificationView, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await NotificationsAsync(username)).FirstOrDefault(match) is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No matching notification for {username} within 20 s.");
            await Task.Delay(200);
        }
    }

    private async Task<IReadOnlyList<NotificationView>> WaitForNotificationsAsync(string username, DateTimeOffset since, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var notifications = (await NotificationsAsync(username)).Where(n => n.OccurredAt >= since).ToList();
            if (notifications.Count >= count)
            {
                return notifications;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{username} has {notifications.Count} notifications after 45 s, expected {count}.");
            await Task.Delay(250);
        }
    }

    private sealed record NotificationsView(IReadOnlyList<NotificationView> Notifications);

    private sealed record NotificationView(Guid Id, Guid EventId, Guid SecuritySystemId, string LocationName, string Message, DateTimeOffset OccurredAt);
}
