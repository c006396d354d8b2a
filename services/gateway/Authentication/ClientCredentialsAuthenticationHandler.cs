using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace RealGuard.Gateway.Authentication;

/// <summary>
/// Authenticates API clients that send their credentials (<c>Authorization: Basic</c>): exchanges them at the IAM for
/// a client-credentials token (cached per client), then validates that token exactly as a Bearer token the client
/// might have sent (the JwtBearer scheme reads it from <see cref="ForwardedAccessToken"/>). The caller is whoever
/// the token says; the token, not the credentials, is what the services receive.
/// </summary>
internal sealed class ClientCredentialsAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ClientTokenCache tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ClientCredentials";

    private const string Challenge = "Basic realm=\"RealGuard API\", charset=\"UTF-8\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (!BasicCredentials.IsBasic(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        if (!BasicCredentials.TryParse(authorization, out var credentials))
        {
            return Failed(StatusCodes.Status401Unauthorized, "The Authorization header is not Basic base64(client_id:client_secret).");
        }

        switch (await tokens.GetTokenAsync(credentials, Context.RequestAborted))
        {
            case ClientTokenResult.Rejected:
                return Failed(StatusCodes.Status401Unauthorized, "The client credentials are invalid.");
            case ClientTokenResult.Unavailable:
                return Failed(StatusCodes.Status503ServiceUnavailable, "The identity provider is unavailable; the client credentials could not be checked.");
            case ClientTokenResult.Throttled throttled:
                return Failed(StatusCodes.Status429TooManyRequests, "Too many failed attempts with these client credentials; try again later.",
                    throttled.RetryAfter);
            case ClientTokenResult.Issued issued:
                ForwardedAccessToken.Set(Context, issued.AccessToken);
                break;
        }

        var bearer = await Context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        return bearer.Succeeded
            ? AuthenticateResult.Success(new AuthenticationTicket(bearer.Principal, Scheme.Name))
            : Failed(StatusCodes.Status401Unauthorized, "The token issued for these client credentials is not valid for this API.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure as ClientAuthenticationFailure
            ?? new ClientAuthenticationFailure(StatusCodes.Status401Unauthorized, "Client credentials are required.");

        Response.StatusCode = failure.StatusCode;
        if (failure.StatusCode == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = Challenge;
        }
        else
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling((failure.RetryAfter ?? TimeSpan.FromSeconds(5)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteProblemAsync(failure.StatusCode, failure.Message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "The client does not have permission for this request.");
    }

    private static AuthenticateResult Failed(int statusCode, string detail, TimeSpan? retryAfter = null) =>
        AuthenticateResult.Fail(new ClientAuthenticationFailure(statusCode, detail, retryAfter));

    private async Task WriteProblemAsync(int status, string detail) =>
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Detail = detail },
        });

    /// <summary>Why the credentials did not authenticate; the message is a fixed sentence safe to show the client.</summary>
    private sealed class ClientAuthenticationFailure(int statusCode, string message, TimeSpan? retryAfter = null) : Exception(message)
    {
        public int StatusCode { get; } = statusCode;

        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
