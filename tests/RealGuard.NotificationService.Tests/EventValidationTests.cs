using System.Net;
using System.Net.Http.Headers;
using RealGuard.NotificationService.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.NotificationService.Tests;

/// <summary>A bad event is refused with a 400 that names every bad field, and is not stored.</summary>
[Collection(NotificationStack.Collection)]
public sealed class EventValidationTests(NotificationStack stack)
{
    [Fact]
    public async Task An_event_with_bad_fields_is_refused_naming_each_of_them()
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        securitySystemEvent["eventId"] = "not-a-guid";
        securitySystemEvent["locationId"] = Guid.Empty;
        securitySystemEvent["action"] = "EXPLODE";
        securitySystemEvent["to"] = null;
        securitySystemEvent.Remove("occurredAt");
        securitySystemEvent["locationName"] = " ";

        using var response = await stack.PostEventAsync(securitySystemEvent, await stack.SenderTokenAsync());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest,
            "eventId", "locationId", "action", "to", "occurredAt", "locationName");
        var named = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        Assert.DoesNotContain("securitySystemId", named);
        Assert.DoesNotContain("from", named);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_bad_request_not_a_server_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notifications/events")
        {
            Content = new StringContent("{\"eventId\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await stack.SenderTokenAsync());

        using var response = await stack.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
