using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RealGuard.Web.Authentication;
using RealGuard.Web.Clients;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tokens;
using Yarp.ReverseProxy.Forwarder;

namespace RealGuard.Web.Endpoints;

/// <summary>
/// <c>/api/{service}/**</c>: forwards the browser's call to a service with YARP's forwarder, the session's access
/// token instead of the browser's cookie. The destinations are the typed clients' ones, resolved by service discovery.
/// </summary>
public sealed class ApiForwarder(IHttpForwarder forwarder, IHttpMessageHandlerFactory handlers, UserTokenManager tokens)
{
    public const string Pattern = "/api/{service}/{**path}";
    public const string HttpClientName = "api-forwarder";

    public async Task<IResult> ForwardAsync(HttpContext http, string service, string? path)
    {
        if (!ServiceNames.All.Contains(service))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no service '{service}'.");
        }

        string accessToken;
        try
        {
            var key = http.User.FindFirst(SessionClaims.SessionKey)?.Value ?? throw new UserSessionEndedException();
            accessToken = await tokens.GetAccessTokenAsync(key, http.RequestAborted);
        }
        catch (UserSessionEndedException)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "The session has ended; log in again.");
        }
        catch (IdentityProviderUnavailableException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The identity provider is unavailable; try again shortly.");
        }

        using var invoker = new HttpMessageInvoker(handlers.CreateHandler(HttpClientName), disposeHandler: false);
        var error = await forwarder.SendAsync(http, ServiceNames.BaseAddress(service).ToString(), invoker, ForwarderRequestConfig.Empty,
            new UserTokenTransformer(accessToken, "/" + path));
        if (error != ForwarderError.None && !http.Response.HasStarted)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, detail: $"The {service} could not be reached.");
        }

        return Results.Empty;
    }

    /// <summary>The browser's request with the service's path, the user's bearer token, and none of the browser's cookies.</summary>
    private sealed class UserTokenTransformer(string accessToken, string path) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, new PathString(path), httpContext.Request.QueryString);
            proxyRequest.Headers.Remove("Cookie");
            proxyRequest.Headers.Remove(AntiforgeryHeaderFilter.HeaderName);
            proxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            proxyRequest.Headers.Host = null;
        }
    }
}
