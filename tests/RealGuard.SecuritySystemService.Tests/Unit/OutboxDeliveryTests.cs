using System.Net;
using System.Text.Json;
using RealGuard.SecuritySystemService.Outbox;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.ScriptedHttpHandler;

namespace RealGuard.SecuritySystemService.Tests.Unit;

/// <summary>One delivery round against a stand-in notification-service.</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private OutboxHarness outbox = null!;

    public async Task InitializeAsync() => outbox = await OutboxHarness.CreateAsync();

    public async Task DisposeAsync() => await outbox.DisposeAsync();

    [Fact]
    public async Task Pending_events_are_posted_in_the_order_they_were_written_and_marked_delivered()
    {
        Guid[] written = [await outbox.WriteEventAsync(), await outbox.WriteEventAsync(), await outbox.WriteEventAsync()];

        Assert.Equal(OutboxRound.Delivered, await outbox.DeliverOnceAsync());

        Assert.Equal(written, outbox.PostedEventIds);
        Assert.All(outbox.NotificationService.Requests, request =>
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/notifications/events", request.Uri.AbsolutePath);
        });
        Assert.All(await outbox.MessagesAsync(), message => Assert.NotNull(message.DeliveredAt));
        Assert.Equal(OutboxRound.Idle, await outbox.DeliverOnceAsync());
        Assert.Equal(3, outbox.NotificationService.Requests.Count);
    }

    [Fact]
    public async Task The_event_body_is_the_contract_of_docs_api_md()
    {
        var eventId = await outbox.WriteEventAsync();

        await outbox.DeliverOnceAsync();

        var body = JsonDocument.Parse(outbox.NotificationService.Requests.Single().Body!).RootElement;
        Assert.Equal(eventId, body.GetProperty("eventId").GetGuid());
        Assert.Equal("Acme HQ", body.GetProperty("locationName").GetString());
        Assert.Equal("ARM", body.GetProperty("action").GetString());
        Assert.Equal("DISARMED", body.GetProperty("from").GetString());
        Assert.Equal("ARMED", body.GetProperty("to").GetString());
        Assert.Equal("bob-id", body.GetProperty("actorUserId").GetString());
        Assert.Equal("bob", body.GetProperty("actorName").GetString());
        foreach (var field in new[] { "securitySystemId", "locationId", "occurredAt" })
        {
            Assert.True(body.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task A_failure_stops_the_round_so_later_events_do_not_overtake_the_failed_one()
    {
        Guid[] written = [await outbox.WriteEventAsync(), await outbox.WriteEventAsync(), await outbox.WriteEventAsync()];
        outbox.NotificationService.ThenAnswer(Status(HttpStatusCode.Accepted), Status(HttpStatusCode.ServiceUnavailable));

        Assert.Equal(OutboxRound.Failed, await outbox.DeliverOnceAsync());

        Assert.Equal(written[..2], outbox.PostedEventIds);
        var messages = await outbox.MessagesAsync();
        Assert.NotNull(messages[0].DeliveredAt);
        Assert.Null(messages[1].DeliveredAt);
        Assert.Equal(1, messages[1].Attempts);
        Assert.Contains("503", messages[1].LastError);
        Assert.Null(messages[2].DeliveredAt);
        Assert.Equal(0, messages[2].Attempts);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_sends_the_same_event_id_again()
    {
        var eventId = await outbox.WriteEventAsync();
        outbox.NotificationService.ThenAnswer(Unreachable);

        Assert.Equal(OutboxRound.Failed, await outbox.DeliverOnceAsync());
        Assert.Equal(OutboxRound.Delivered, await outbox.DeliverOnceAsync());

        Assert.Equal([eventId, eventId], outbox.PostedEventIds);
        Assert.Equal(outbox.NotificationService.Requests[0].Body, outbox.NotificationService.Requests[1].Body);
        var message = Assert.Single(await outbox.MessagesAsync());
        Assert.NotNull(message.DeliveredAt);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.LastError);
    }

    [Fact]
    public async Task An_event_notification_service_refuses_as_invalid_is_set_aside_and_the_rest_go_on()
    {
        Guid[] written = [await outbox.WriteEventAsync(), await outbox.WriteEventAsync()];
        outbox.NotificationService.ThenAnswer(Status(HttpStatusCode.BadRequest));

        Assert.Equal(OutboxRound.Delivered, await outbox.DeliverOnceAsync());

        Assert.Equal(written, outbox.PostedEventIds);
        var messages = await outbox.MessagesAsync();
        Assert.NotNull(messages[0].RejectedAt);
        Assert.Null(messages[0].DeliveredAt);
        Assert.NotNull(messages[1].DeliveredAt);
        Assert.Equal(OutboxRound.Idle, await outbox.DeliverOnceAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Other_refusals_may_pass_later_and_are_retried(HttpStatusCode status)
    {
        await outbox.WriteEventAsync();
        outbox.NotificationService.ThenAnswer(Status(status));

        Assert.Equal(OutboxRound.Failed, await outbox.DeliverOnceAsync());
        Assert.Equal(OutboxRound.Delivered, await outbox.DeliverOnceAsync());
    }
}
