using Microsoft.AspNetCore.Http;

namespace RealGuard.Gateway.Authentication;

/// <summary>
/// The access token obtained for a caller that sent client credentials: validated by the Bearer handler and forwarded
/// to the service in place of the credentials. Kept on the request's features, never in a header the client sent.
/// </summary>
internal sealed class ForwardedAccessToken(string value)
{
    public string Value { get; } = value;

    public static string? Of(HttpContext context) => context.Features.Get<ForwardedAccessToken>()?.Value;

    public static void Set(HttpContext context, string value) => context.Features.Set(new ForwardedAccessToken(value));
}
