using System.Net;
using RealGuard.NotificationService.Tests.Infrastructure;
using RealGuard.AppHost;
using RealGuard.Testing.AppHost;
using RealGuard.Testing;


namespace RealGuard.NotificationService.Tests.Api;

/// <summary>
/// While customer-service cannot say who to notify, an event is refused with 503 and not stored, so the sender's
/// outbox delivers it again; the redelivery then notifies everyone, once.
/// </summary>
[Collection(NotificationStack.Collection)]
public sealed class CustomerServiceOutageTests(NotificationStack stack)
{
    [Fact]
    public async Task An_event_refused_while_customer_service_is_down_is_stored_once_when_delivered_again()
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        var eventId = (Guid)securitySystemEvent["eventId"]!;
        var token = await stack.SenderTokenAsync();

        await stack.Stack.StopPartAsync(StackResources.CustomerService);
        try
        {
            using var refused = await stack.PostEventAsync(securitySystemEvent, token);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            await stack.Stack.StartPartAsync(StackResources.CustomerService);
        }

        Assert.DoesNotContain(await stack.NotificationsOfAsync("bob"), n => n.EventId == eventId);

        using var accepted = await stack.PostEventAsync(securitySystemEvent, token);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await stack.AssertEachNotifiedOnceAsync(DemoData.AcmeHqPeople, eventId);
    }
}
