using System.Net;
using System.Text.Json;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// customer-service, asked as the caller (<see cref="BearerTokenRelayHandler"/>) at <c>http://customer-service</c>,
/// resolved by service discovery. Anything but an answer, a 404 or a 403 throws <see cref="CustomerServiceUnavailableException"/>.
/// </summary>
public sealed partial class CustomerServiceClient(HttpClient http, ILogger<CustomerServiceClient> logger)
{
    public const string HttpClientName = "customer-service";

    /// <summary>The caller's effective roles at the location; none if customer-service does not know it for the caller.</summary>
    public async Task<IReadOnlySet<string>> GetRolesAtLocationAsync(Guid locationId, CancellationToken cancellationToken)
    {
        var response = await GetAsync<LocationRolesResponse>($"/locations/{locationId}/roles", NotFoundOrForbidden, cancellationToken);
        return (response?.Roles ?? []).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every location where the caller holds a role, with those roles.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlySet<string>>> GetMyLocationRolesAsync(CancellationToken cancellationToken)
    {
        // 403: customer-service will not list locations for this caller (a device, say), who then holds no role anywhere.
        var response = await GetAsync<MyLocationsResponse>("/me/locations", [HttpStatusCode.Forbidden], cancellationToken);
        return (response?.Locations ?? []).ToDictionary(
            location => location.Id,
            IReadOnlySet<string> (location) => (location.Roles ?? []).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The location, or null if it does not exist or the caller may not see it.</summary>
    public Task<LocationResponse?> GetLocationAsync(Guid locationId, CancellationToken cancellationToken)
        => GetAsync<LocationResponse>($"/locations/{locationId}", NotFoundOrForbidden, cancellationToken);

    // 404 and 403 both mean "not for this caller": customer-service answers 404 for another customer's location.
    private static readonly HttpStatusCode[] NotFoundOrForbidden = [HttpStatusCode.NotFound, HttpStatusCode.Forbidden];

    /// <summary>The body, or null when customer-service answers one of <paramref name="nothingStatuses"/>.</summary>
    private async Task<T?> GetAsync<T>(string path, HttpStatusCode[] nothingStatuses, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (nothingStatuses.Contains(response.StatusCode))
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable($"GET {path} answered {(int)response.StatusCode}.");
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw Unavailable($"GET {path} answered an empty body.");
        }
        catch (Exception e) when (IsOutage(e) && !cancellationToken.IsCancellationRequested)
        {
            // Refused connection, timeout, open circuit, unreadable body: the caller's rights are unknown.
            throw Unavailable($"GET {path} failed ({e.GetType().Name}).", e);
        }
    }

    private static bool IsOutage(Exception e) => e is HttpRequestException or JsonException or NotSupportedException
        or TimeoutException or OperationCanceledException or Polly.ExecutionRejectedException;

    private CustomerServiceUnavailableException Unavailable(string reason, Exception? innerException = null)
    {
        LogUnavailable(reason);
        return new CustomerServiceUnavailableException($"customer-service is unavailable: {reason}", innerException);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "customer-service is unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);
}
