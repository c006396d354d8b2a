using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RealGuard.NotificationService.CustomerService;

namespace RealGuard.NotificationService.Tests.Infrastructure;

/// <summary>
/// customer-service's <c>/locations/{id}/people</c> answered in memory, for the storage tests (about the database,
/// not HTTP; the HTTP path is covered against the real customer-service in the stack tests).
/// </summary>
public sealed class StubCustomerService(params LocationPerson[] people) : HttpMessageHandler
{
    private TaskCompletionSource? held;
    private int calls;

    /// <summary>Answers with a connection failure.</summary>
    public bool Down { get; set; }

    public int Calls => Volatile.Read(ref calls);

    public CustomerServiceClient Client() =>
        new(new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://customer-service") },
            NullLogger<CustomerServiceClient>.Instance);

    /// <summary>Keeps every answer back until <see cref="Release"/>: lines up concurrent deliveries.</summary>
    public void HoldAnswers() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => held?.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (held is not null)
        {
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        if (Down)
        {
            throw new HttpRequestException("Connection refused");
        }

        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = JsonContent.Create(new { people }) };
    }
}
