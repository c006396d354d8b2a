using System.Net;
using System.Text.Json;

namespace RealGuard.NotificationService.CustomerService;

/// <summary>customer-service, called as notification-service itself (client-credentials token, role <c>locations:read-people</c>).</summary>
public sealed partial class CustomerServiceClient(HttpClient http, ILogger<CustomerServiceClient> logger)
{
    /// <summary>The people with a role at the location; empty when customer-service knows no such location.</summary>
    /// <exception cref="CustomerServiceUnavailableException">No answer that says who is there.</exception>
    public async Task<IReadOnlyList<LocationPerson>> GetPeopleAtLocationAsync(Guid locationId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync($"/locations/{locationId}/people", cancellationToken);
        }
        // Refused connections, timeouts, an open circuit, or no token for this service from the IAM.
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.ExecutionRejectedException
            && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, locationId, e.GetType().Name);
            throw new CustomerServiceUnavailableException("customer-service did not answer.", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                LogUnknownLocation(logger, locationId);
                return [];
            }

            if (!response.IsSuccessStatusCode)
            {
                LogUnavailable(logger, locationId, $"HTTP {(int)response.StatusCode}");
                throw new CustomerServiceUnavailableException($"customer-service answered {(int)response.StatusCode}.");
            }

            try
            {
                var body = await response.Content.ReadFromJsonAsync<LocationPeopleResponse>(cancellationToken);
                return body?.People ?? throw new CustomerServiceUnavailableException("customer-service answered without people.");
            }
            catch (JsonException e)
            {
                // Not the caller's bad input: it must not become a 400.
                throw new CustomerServiceUnavailableException("customer-service answered with unreadable JSON.", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "customer-service knows no location {LocationId}: the event notifies nobody")]
    private static partial void LogUnknownLocation(ILogger logger, Guid locationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The people at location {LocationId} could not be fetched from customer-service ({Failure})")]
    private static partial void LogUnavailable(ILogger logger, Guid locationId, string failure);
}
