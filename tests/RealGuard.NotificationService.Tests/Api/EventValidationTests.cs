using System.Net;
using System.Net.Http.Headers;
using RealGuard.NotificationService.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.NotificationService.Tests.Api;

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

    [Theory]
    [InlineData("ARM", "ARMED", "DISARMED")]
    [InlineData("ACKNOWLEDGE", "ARMED", "DISARMED")]
    [InlineData("ALARM", "DISARMED", "ALARMED")]
    [InlineData("DISARM", "DISARMED", "DISARMED")]
    public async Task A_transition_the_action_does_not_make_is_400_naming_from_and_to(string action, string from, string to)
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        securitySystemEvent["action"] = action;
        securitySystemEvent["from"] = from;
        securitySystemEvent["to"] = to;

        using var response = await stack.PostEventAsync(securitySystemEvent, await stack.SenderTokenAsync());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "from", "to");
    }

    [Theory]
    [InlineData("eventId", 5)]
    [InlineData("occurredAt", true)]
    [InlineData("locationName", 12)]
    public async Task A_value_of_the_wrong_json_type_is_400_naming_its_field(string field, object value)
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        securitySystemEvent[field] = value;

        using var response = await stack.PostEventAsync(securitySystemEvent, await stack.SenderTokenAsync());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_field_given_twice_is_400_naming_it()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(DemoData.BobArmsAcmeHq());
        json = json.Replace("\"action\":\"ARM\"", "\"action\":\"ARM\",\"action\":\"DISARM\"", StringComparison.Ordinal);

        using var response = await SendRawAsync(json, "application/json");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "action");
    }

    [Theory]
    [InlineData("Acme\u202EQH")]        // right-to-left override
    [InlineData("\u2066Acme HQ\u2069")] // isolate
    [InlineData("\u200B\u200D")]        // zero-width only
    [InlineData("\uFEFF \u2060")]       // invisible only
    public async Task Names_with_bidirectional_overrides_or_nothing_visible_are_400(string locationName)
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();
        securitySystemEvent["locationName"] = System.Text.RegularExpressions.Regex.Unescape(locationName);
        securitySystemEvent["actorName"] = System.Text.RegularExpressions.Regex.Unescape(locationName);

        using var response = await stack.PostEventAsync(securitySystemEvent, await stack.SenderTokenAsync());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "locationName", "actorName");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_without_the_json_content_type_is_415(string? contentType)
    {
        using var response = await SendRawAsync(System.Text.Json.JsonSerializer.Serialize(DemoData.BobArmsAcmeHq()), contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task An_empty_body_names_every_required_field(string body)
    {
        using var response = await SendRawAsync(body, "application/json");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest,
            "eventId", "securitySystemId", "locationId", "locationName", "action", "from", "to", "actorUserId", "occurredAt");
    }

    private async Task<HttpResponseMessage> SendRawAsync(string body, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notifications/events")
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await stack.SenderTokenAsync());
        return await stack.Http.SendAsync(request);
    }
}
