using System.Net;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>What a client sees of an error: Keycloak's <c>{"error": "...", "error_description": "..."}</c>, never a 500.</summary>
public static class ErrorAssert
{
    /// <summary>A protocol error as Keycloak answers it: 4xx, JSON, error and error_description, no error_uri.</summary>
    public static JsonElement KeycloakJsonError(HttpStatusCode status, string? mediaType, string body, string? expectedError = null, string? context = null)
    {
        var what = $"{context} → {(int)status} {mediaType}: {body}";
        Assert.True((int)status is >= 400 and < 500, $"Expected a 4xx error, got {what}");
        Assert.True(mediaType == "application/json", $"Expected a JSON error body, got {what}");
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.True(root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString()!.Length > 0,
            $"No 'error' in {what}");
        Assert.True(root.TryGetProperty("error_description", out var description) && description.ValueKind == JsonValueKind.String,
            $"No 'error_description' in {what}");
        Assert.False(root.TryGetProperty("error_uri", out _), $"Keycloak sends no error_uri: {what}");
        if (expectedError is not null)
        {
            Assert.True(expectedError == error.GetString(), $"Expected error '{expectedError}', got {what}");
        }
        return root;
    }

    public static JsonElement KeycloakJsonError(ProtocolResponse response, string? expectedError = null, HttpStatusCode? expectedStatus = null)
    {
        Assert.True(response.IsError, $"Expected an error, got {(int)response.HttpStatusCode}: {response.Raw}");
        // Duende reports a 401 as an HTTP error (ErrorType.Http) but keeps the body: the body is what is checked here.
        Assert.True(response.ErrorType is ResponseErrorType.Protocol or ResponseErrorType.Http,
            $"Expected an error response, got {response.ErrorType}: {response.Error} {response.Exception}");
        var root = KeycloakJsonError(response.HttpStatusCode, response.HttpResponse?.Content.Headers.ContentType?.MediaType, response.Raw ?? "", expectedError);
        if (expectedStatus is not null)
        {
            Assert.True(expectedStatus == response.HttpStatusCode, $"Expected {(int)expectedStatus}, got {(int)response.HttpStatusCode}: {response.Raw}");
        }
        return root;
    }

    public static async Task<JsonElement> KeycloakJsonErrorAsync(HttpResponseMessage response, string? expectedError = null, string? context = null) =>
        KeycloakJsonError(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), expectedError, context);

    /// <summary>An error the user sees in the browser: an HTML page, status 400, and no redirect anywhere.</summary>
    public static void ErrorPageWithoutRedirect(Browser.BrowserResult page)
    {
        Assert.True(page.RedirectedTo is null && page.Location is null, $"Expected no redirect, got {page}");
        Assert.True(page.Status == HttpStatusCode.BadRequest, $"Expected 400, got {page}");
        Assert.True(page.MediaType == "text/html", $"Expected an HTML error page, got {page}");
        Assert.Null(page.LoginForm);
    }
}
