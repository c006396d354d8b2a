using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealGuard.Web.Authentication;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Clients;

/// <summary>
/// A typed client of one service, called as the signed-in user: each request names the user's server-side session,
/// and <see cref="UserAccessTokenHandler"/> adds that session's access token.
/// </summary>
public abstract class ServiceClient(HttpClient http, CurrentUserSession session)
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
        => SendAsync<T>(HttpMethod.Get, path, body: null, cancellationToken);

    protected async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ServiceCallException(HttpStatusCode.BadGateway, "The service answered with an empty body.");
    }

    protected async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Options.Set(UserAccessTokenHandler.SessionKeyOption, await session.GetKeyAsync());
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        // Refused, no answer within the budget, or the circuit is open after repeated failures: name the part.
        catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ServiceCallException(HttpStatusCode.ServiceUnavailable,
                $"{http.BaseAddress?.Host ?? "The service"} cannot be reached right now.", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ServiceCallException.FromResponseAsync(response, cancellationToken);
            }
        }

        return response;
    }
}
