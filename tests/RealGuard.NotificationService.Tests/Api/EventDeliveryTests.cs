using System.Net;
using RealGuard.NotificationService.Tests.Infrastructure;

namespace RealGuard.NotificationService.Tests.Api;

/// <summary>An event from security-system-service becomes one notification for each person with a role at the location.</summary>
[Collection(NotificationStack.Collection)]
public sealed class EventDeliveryTests(NotificationStack stack)
{
    [Fact]
    public async Task An_event_at_Acme_HQ_notifies_everyone_with_a_role_there_and_no_one_else()
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        var eventId = (Guid)securitySystemEvent["eventId"]!;

        using var response = await stack.PostEventAsync(securitySystemEvent, await stack.SenderTokenAsync());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        foreach (var notification in await stack.AssertEachNotifiedOnceAsync(DemoData.AcmeHqPeople, eventId))
        {
            Assert.Equal("Bob Brown armed Acme HQ", notification.Message);
            Assert.Equal(DemoData.AcmeHq, notification.LocationId);
            Assert.Equal("Acme HQ", notification.LocationName);
            Assert.Equal(DemoData.AcmeHqSecuritySystem, notification.SecuritySystemId);
            Assert.Equal(((DateTimeOffset)securitySystemEvent["occurredAt"]!).ToUnixTimeMilliseconds(), notification.OccurredAt.ToUnixTimeMilliseconds());
            Assert.Equal(TimeSpan.Zero, notification.OccurredAt.Offset);
        }

        // erin works for Globex, alice administers Acme without a role at the location: neither is notified.
        Assert.DoesNotContain(await stack.NotificationsOfAsync("erin"), n => n.LocationId == DemoData.AcmeHq);
        Assert.DoesNotContain(await stack.NotificationsOfAsync("alice"), n => n.EventId == eventId);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_accepted_twice_and_stored_once()
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        var eventId = (Guid)securitySystemEvent["eventId"]!;
        var token = await stack.SenderTokenAsync();

        using (var first = await stack.PostEventAsync(securitySystemEvent, token))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using (var again = await stack.PostEventAsync(securitySystemEvent, token))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        await stack.AssertEachNotifiedOnceAsync(["carol"], eventId);
    }

    [Fact]
    public async Task The_same_event_delivered_several_times_at_once_is_stored_once_without_an_error()
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        var eventId = (Guid)securitySystemEvent["eventId"]!;
        var token = await stack.SenderTokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => stack.PostEventAsync(securitySystemEvent, token)));
        try
        {
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
        }
        finally
        {
            Array.ForEach(responses, response => response.Dispose());
        }

        await stack.AssertEachNotifiedOnceAsync(["dave"], eventId);
    }

    [Fact]
    public async Task A_person_sees_the_newest_notification_first()
    {
        var token = await stack.SenderTokenAsync();
        var earlier = DemoData.BobArmsAcmeHq(occurredAt: DateTimeOffset.UtcNow.AddHours(1));
        var later = DemoData.BobArmsAcmeHq(occurredAt: DateTimeOffset.UtcNow.AddHours(2));

        // Delivered newest first: the order shown follows when things happened, not when they arrived.
        foreach (var securitySystemEvent in new[] { later, earlier })
        {
            using var response = await stack.PostEventAsync(securitySystemEvent, token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var notifications = await stack.NotificationsOfAsync("bob");
        Assert.Equal(notifications.OrderByDescending(n => n.OccurredAt), notifications);
        Assert.Equal((Guid)later["eventId"]!, notifications[0].EventId);
        Assert.Equal((Guid)earlier["eventId"]!, notifications[1].EventId);
    }
}
