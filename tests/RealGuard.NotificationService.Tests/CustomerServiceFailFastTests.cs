using System.Diagnostics;
using System.Net;
using RealGuard.AppHost;
using RealGuard.NotificationService.Tests.Infrastructure;
using RealGuard.Testing;
using Xunit.Abstractions;

namespace RealGuard.NotificationService.Tests;

/// <summary>
/// customer-service stopped or hung: an event is refused with 503 and Retry-After at once (the timeout budget, then the
/// open circuit), so the sender's outbox tries again later instead of waiting; accepted once customer-service is back.
/// </summary>
[Collection(NotificationStack.Collection)]
public sealed class CustomerServiceFailFastTests(NotificationStack stack, ITestOutputHelper output) : IDisposable
{
    // A generous bound, not a measurement: the budget is 5 s and the open circuit answers at once; before it, a hung
    // customer-service held each event for 10 s and more.
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(8);
    private const int Events = 6;

    private readonly HttpClient http = new() { BaseAddress = stack.Http.BaseAddress, Timeout = AnswerWithin };

    [Fact]
    public async Task With_customer_service_hung_events_are_refused_with_503_and_Retry_After_at_once()
    {
        var token = await stack.SenderTokenAsync();
        using (stack.PausePart(StackResources.CustomerService))
        {
            await AssertRefusedAsync(token);
        }

        await AssertAcceptedAgainAsync(token);
    }

    [Fact]
    public async Task With_customer_service_stopped_events_are_refused_with_503_and_Retry_After_at_once()
    {
        var token = await stack.SenderTokenAsync();
        await stack.Stack.StopPartAsync(StackResources.CustomerService);
        try
        {
            await AssertRefusedAsync(token);
        }
        finally
        {
            await stack.Stack.StartPartAsync(StackResources.CustomerService);
        }

        await AssertAcceptedAgainAsync(token);
    }

    private async Task AssertRefusedAsync(string token)
    {
        for (var i = 0; i < Events; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await PostAsync(DemoData.BobArmsAcmeHq(), token);
            output.WriteLine($"POST /notifications/events #{i + 1}: {(int)response.StatusCode} after {watch.ElapsedMilliseconds} ms");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
        }
    }

    // The circuit lets a trial call through after its break: the sender's redelivery succeeds without a restart.
    private async Task AssertAcceptedAgainAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await PostAsync(DemoData.BobArmsAcmeHq(), token);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Still {(int)response.StatusCode} 30 s after customer-service came back.");
            await Task.Delay(250);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(object securitySystemEvent, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notifications/events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(securitySystemEvent),
        };
        request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();
}
