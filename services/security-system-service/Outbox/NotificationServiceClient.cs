using System.Net;
using System.Net.Mime;
using System.Text;

namespace RealGuard.SecuritySystemService.Outbox;

/// <summary>
/// notification-service's <c>POST /notifications/events</c>, called with security-system-service's own
/// client-credentials token (base address <c>http://notification-service</c>, resolved by service discovery).
/// </summary>
public sealed class NotificationServiceClient(HttpClient http)
{
    public const string HttpClientName = "notification-service";

    public async Task<DeliveryOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(message.Payload, Encoding.UTF8, MediaTypeNames.Application.Json);
            using var response = await http.PostAsync("/notifications/events", content, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Delivered;
            }

            var error = $"notification-service answered {(int)response.StatusCode} {response.ReasonPhrase}";
            // The event itself is refused: sending it again cannot help. Anything else (down, overloaded, not yet
            // authorized, not yet deployed) may pass later.
            return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                ? DeliveryOutcome.Rejected(error)
                : DeliveryOutcome.Failed(error);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable, timed out, or no token from the IAM. The message names the failure without any token.
            return DeliveryOutcome.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }
}
