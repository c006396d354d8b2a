using System.Net;
using System.Text.Json;
using Xunit;

namespace RealGuard.Testing;

/// <summary>What a client sees of an RFC 9457 error: the status, <c>application/problem+json</c>, and which fields were wrong.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// Asserts the response is a problem with <paramref name="status"/> (body's <c>status</c> too, when present), and
    /// that <c>errors</c> names every one of <paramref name="invalidFields"/> (case-insensitive, as a key or a key's prefix
    /// such as <c>initialAdministrator.email</c>). Returns the problem body.
    /// </summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] invalidFields)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync();
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode} " +
            $"{response.Content?.Headers.ContentType?.MediaType}: {body}";
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {what}");
        Assert.True(response.Content?.Headers.ContentType?.MediaType == "application/problem+json",
            $"Expected application/problem+json, got {what}");

        JsonElement problem;
        try
        {
            using var document = JsonDocument.Parse(body);
            problem = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"The problem body is not JSON: {what}");
        }

        Assert.True(problem.ValueKind == JsonValueKind.Object, $"The problem body is not an object: {what}");
        if (problem.TryGetProperty("status", out var bodyStatus))
        {
            Assert.True(bodyStatus.ValueKind == JsonValueKind.Number && bodyStatus.GetInt32() == (int)status,
                $"The body's status differs from the response's: {what}");
        }

        if (invalidFields.Length > 0)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object,
                $"Expected 'errors' naming {string.Join(", ", invalidFields)}: {what}");
            var named = errors.EnumerateObject().Select(error => error.Name).ToList();
            foreach (var field in invalidFields)
            {
                Assert.True(named.Any(name => name.Equals(field, StringComparison.OrdinalIgnoreCase)
                        || name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)
                        || name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)),
                    $"Expected errors to name '{field}', they name {string.Join(", ", named)}: {what}");
            }
        }

        return problem;
    }
}
