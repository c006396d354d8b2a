using RealGuard.Gateway.Forwarding;

namespace RealGuard.Gateway.Tests.Unit;

public sealed class SpoofableHeadersTests
{
    [Theory]
    [InlineData("X-User-Id")]
    [InlineData("x-user-roles")]
    [InlineData("X-Client-Id")]
    [InlineData("X-Forwarded-User")]
    [InlineData("X-Auth-Request-Email")]
    [InlineData("X-Authenticated-Userid")]
    [InlineData("X-Remote-User")]
    [InlineData("X-Real-IP")]
    [InlineData("Forwarded")]
    [InlineData("X-HTTP-Method-Override")]
    public void Identity_headers_a_client_could_forge_are_removed(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://customer-service/customers")
        {
            Content = new StringContent("{}"),
        };
        request.Headers.TryAddWithoutValidation(header, "admin");
        request.Content.Headers.TryAddWithoutValidation(header, "admin");

        SpoofableHeaders.RemoveFrom(request);

        Assert.False(request.Headers.Contains(header), header);
        Assert.False(request.Content.Headers.Contains(header), header);
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("traceparent")]
    [InlineData("X-Request-Id")]
    [InlineData("If-Match")]
    [InlineData("X-Forwarded-For")]
    public void Ordinary_headers_are_kept(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://security-system-service/securitysystems");
        request.Headers.TryAddWithoutValidation(header, "value");

        SpoofableHeaders.RemoveFrom(request);

        Assert.True(request.Headers.Contains(header), header);
    }
}
