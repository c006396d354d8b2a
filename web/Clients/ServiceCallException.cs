using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace RealGuard.Web.Clients;

/// <summary>A service said no (or could not answer): the status and the problem details it gave, for the page to show.</summary>
public sealed class ServiceCallException(HttpStatusCode status, string message, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Field errors of a 400 (<c>errors</c>), by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The actions a 409 says are allowed now (<c>allowedActions</c>), if any.</summary>
    public IReadOnlyList<string> AllowedActions { get; init; } = [];

    public bool IsForbidden => Status == HttpStatusCode.Forbidden;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public static async Task<ServiceCallException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemBody? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ProblemBody>(cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            // No problem details: the status speaks for itself.
        }

        var message = problem?.Detail ?? problem?.Title ?? DefaultMessage(response.StatusCode);
        return new ServiceCallException(response.StatusCode, message)
        {
            Errors = problem?.Errors ?? new Dictionary<string, string[]>(),
            AllowedActions = problem?.AllowedActions ?? [],
        };
    }

    private static string DefaultMessage(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "You are not allowed to do this.",
        HttpStatusCode.NotFound => "Not found.",
        HttpStatusCode.Conflict => "That conflicts with the current state.",
        HttpStatusCode.Unauthorized => "The service did not accept your session; log in again.",
        _ => "The service could not handle the request.",
    };

    private sealed class ProblemBody : ProblemDetails
    {
        public Dictionary<string, string[]>? Errors { get; set; }

        public List<string>? AllowedActions { get; set; }
    }
}
