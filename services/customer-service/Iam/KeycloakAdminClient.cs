using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RealGuard.CustomerService.Iam;

/// <summary>A person to create in the IAM; the e-mail address is also the username.</summary>
public sealed record IamUser(string FirstName, string LastName, string Email);

/// <summary>
/// The part of Keycloak's admin REST API (<c>/admin/realms/{realm}</c>) customer-service uses: create a user with a
/// password, read a realm role, map it to the user. The development identity provider implements the same subset.
/// Requests carry the service's own client-credentials token (realm-management manage-users).
/// </summary>
public sealed partial class KeycloakAdminClient(HttpClient http, ILogger<KeycloakAdminClient> logger)
{
    /// <returns>The new user's id (its future tokens' <c>sub</c>).</returns>
    /// <exception cref="IamConflictException">A user with this username or e-mail exists.</exception>
    /// <exception cref="IamUnavailableException">The IAM did not create the user.</exception>
    public async Task<string> CreateUserAsync(IamUser user, string password, CancellationToken cancellationToken)
    {
        var representation = new
        {
            username = user.Email,
            email = user.Email,
            firstName = user.FirstName,
            lastName = user.LastName,
            enabled = true,
            emailVerified = true,
            credentials = new[] { new { type = "password", value = password, temporary = false } },
        };

        using var response = await SendAsync("create user",
            token => http.PostAsJsonAsync("users", representation, token), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new IamConflictException();
        }
        EnsureSuccess(response, "create user");

        // Keycloak answers 201 with the new user's URL: .../admin/realms/{realm}/users/{id}
        var userId = response.Headers.Location?.OriginalString.TrimEnd('/').Split('/')[^1];
        if (string.IsNullOrEmpty(userId))
        {
            LogUnexpectedResponse(logger, "create user", (int)response.StatusCode);
            throw new IamUnavailableException("The IAM created the user but did not say its id.");
        }
        return userId;
    }

    /// <exception cref="IamUnavailableException">The role was not assigned.</exception>
    public async Task AssignRealmRoleAsync(string userId, string roleName, CancellationToken cancellationToken)
    {
        using var roleResponse = await SendAsync("read realm role",
            token => http.GetAsync($"roles/{Uri.EscapeDataString(roleName)}", token), cancellationToken);
        EnsureSuccess(roleResponse, "read realm role");
        // Sent back as Keycloak gave it: a role mapping names the role by id and name.
        var role = await roleResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);

        using var mappingResponse = await SendAsync("map realm role",
            token => http.PostAsJsonAsync($"users/{Uri.EscapeDataString(userId)}/role-mappings/realm", new[] { role }, token),
            cancellationToken);
        EnsureSuccess(mappingResponse, "map realm role");
    }

    private async Task<HttpResponseMessage> SendAsync(
        string operation, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken);
        }
        catch (Exception e) when ((e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException)
                                  && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, operation, e.GetType().Name);
            throw new IamUnavailableException($"The IAM could not be reached ({operation}).", e);
        }
    }

    private void EnsureSuccess(HttpResponseMessage response, string operation)
    {
        if (!response.IsSuccessStatusCode)
        {
            LogUnexpectedResponse(logger, operation, (int)response.StatusCode);
            throw new IamUnavailableException($"The IAM answered {(int)response.StatusCode} ({operation}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "IAM admin request '{Operation}' failed: {FailureType}")]
    private static partial void LogUnreachable(ILogger logger, string operation, string failureType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IAM admin request '{Operation}' answered {StatusCode}")]
    private static partial void LogUnexpectedResponse(ILogger logger, string operation, int statusCode);
}
