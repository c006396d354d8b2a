using System.Net.Http.Headers;

namespace RealGuard.SecuritySystemService.CustomerService;

/// <summary>
/// Token relay: sends the caller's own access token on, so customer-service answers for the caller (their roles,
/// the locations they may know of) and authorizes the call itself.
/// </summary>
public sealed class BearerTokenRelayHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = httpContextAccessor.HttpContext?.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            throw new InvalidOperationException("Calls to customer-service relay the caller's bearer token; this request has none.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", header.Parameter);
        return base.SendAsync(request, cancellationToken);
    }
}
