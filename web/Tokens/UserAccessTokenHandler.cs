using System.Net.Http.Headers;

namespace RealGuard.Web.Tokens;

/// <summary>
/// Puts the session's access token on an outgoing request. The session is named by the request itself
/// (<see cref="SessionKeyOption"/>), because this handler lives in the HTTP client factory's own scope, where
/// neither the circuit's authentication state nor an HttpContext belongs.
/// </summary>
public sealed class UserAccessTokenHandler(UserTokenManager tokens) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> SessionKeyOption = new("RealGuard.SessionKey");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(SessionKeyOption, out var sessionKey))
        {
            throw new InvalidOperationException("A user-token request must name its session (UserAccessTokenHandler.SessionKeyOption).");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAccessTokenAsync(sessionKey, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
