using System.Net;
using RealGuard.NotificationService.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.NotificationService.Tests.Api;

/// <summary>Only a service with notifications:send may post events; everyone reads only their own notifications.</summary>
[Collection(NotificationStack.Collection)]
public sealed class EventAuthorizationTests(NotificationStack stack)
{
    [Fact]
    public async Task A_user_posting_an_event_is_forbidden_and_nothing_is_stored()
    {
        var securitySystemEvent = DemoData.BobArmsAcmeHq();

        using var response = await stack.PostEventAsync(securitySystemEvent, await stack.UserTokenAsync("alice"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await stack.NotificationsOfAsync("alice"), n => n.EventId == (Guid)securitySystemEvent["eventId"]!);
    }

    [Fact]
    public async Task Another_service_without_notifications_send_is_forbidden()
    {
        var deviceToken = await ServiceTokens.ClientCredentialsAsync(stack.Authority, "realguard-device", "realguard-device-dev-secret");

        using var response = await stack.PostEventAsync(DemoData.BobArmsAcmeHq(), deviceToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Posting_an_event_without_a_token_is_unauthorized()
    {
        using var response = await stack.PostEventAsync(DemoData.BobArmsAcmeHq(), accessToken: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Reading_notifications_needs_a_valid_token()
    {
        using var anonymous = await stack.GetNotificationsAsync(accessToken: null);
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        using var forged = await stack.GetNotificationsAsync("not.a.token");
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", forged.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_public_and_describes_both_endpoints()
    {
        using var response = await stack.Http.GetAsync("/openapi/v1.json");
        var document = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"/notifications/events\"", document);
        Assert.Contains("\"/notifications\"", document);
    }
}
