using System.Net;
using System.Text.Json;

namespace RealGuard.ServiceDefaults.Tests.Infrastructure;

/// <summary>What a caller sees when a request is refused.</summary>
public static class ResponseAssert
{
    /// <summary>401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> and a problem+json body.</summary>
    public static async Task InvalidTokenAsync(HttpResponseMessage response, string token, string expectedDetail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"error=\"invalid_token\", error_description=\"{expectedDetail}\"", challenge.Parameter);

        var problem = await ProblemAsync(response, 401, "Unauthorized");
        Assert.Equal(expectedDetail, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string title)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());

        // Nothing of the validator's internals: no IdentityModel message codes, exception names or stack frames.
        Assert.DoesNotContain("IDX", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

        return problem;
    }
}
