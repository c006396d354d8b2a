using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace RealGuard.ServiceDefaults;

// 401 and 403 as RFC 9457 problem details, with RFC 6750 challenges. The reasons given are fixed
// sentences: nothing from the token or the validator's exception reaches a response or a log.
// A token that cannot be checked because the realm's signing keys cannot be fetched (the IAM is down and none are
// cached) is not an invalid token: 503 with Retry-After, so clients keep it and try again.
internal static partial class KeycloakJwtBearerEvents
{
    private const string LoggerCategory = "RealGuard.ServiceDefaults.Authentication";
    private const string SigningKeysUnavailable = "RealGuard.SigningKeysUnavailable";

    // The configuration manager fetches again after a second, doubling up to its refresh interval.
    private static readonly TimeSpan SigningKeysRetryAfter = TimeSpan.FromSeconds(5);

    public static JwtBearerEvents Create() => new()
    {
        OnTokenValidated = RejectTokensOtherThanAccessTokens,
        OnAuthenticationFailed = RecordRejectionAsync,
        OnChallenge = WriteChallengeAsync,
        OnForbidden = WriteForbiddenAsync,
    };

    // Keycloak types its tokens in the "typ" claim; an ID token ("ID") must not pass as an access token.
    private static Task RejectTokensOtherThanAccessTokens(TokenValidatedContext context)
    {
        if (context.Principal?.FindFirst("typ")?.Value is { } type && type != "Bearer")
        {
            var failure = new SecurityTokenInvalidTypeException("The token is not an access token.") { InvalidType = type };
            LogTokenRejected(CreateLogger(context.HttpContext), failure.GetType().Name, Describe(failure));
            context.Fail(failure);
        }

        return Task.CompletedTask;
    }

    private static async Task RecordRejectionAsync(AuthenticationFailedContext context)
    {
        var failure = Unwrap(context.Exception);
        if (await SigningKeysUnavailableAsync(context, failure))
        {
            context.HttpContext.Items[SigningKeysUnavailable] = true;
            LogSigningKeysUnavailable(CreateLogger(context.HttpContext));
            return;
        }

        LogTokenRejected(CreateLogger(context.HttpContext), failure.GetType().Name, Describe(failure));
    }

    // The validator swallows a failed key fetch and then finds no key. The configuration manager throttles its
    // fetches, so asking it again here costs nothing while the IAM is down; with keys cached it answers at once.
    private static async Task<bool> SigningKeysUnavailableAsync(AuthenticationFailedContext context, Exception failure)
    {
        if (failure is not SecurityTokenSignatureKeyNotFoundException || context.Options.ConfigurationManager is not { } keys)
        {
            return false;
        }

        try
        {
            var configuration = await keys.GetConfigurationAsync(context.HttpContext.RequestAborted);
            return configuration.SigningKeys.Count == 0;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();

        if (context.HttpContext.Items.ContainsKey(SigningKeysUnavailable))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = ((int)SigningKeysRetryAfter.TotalSeconds).ToString();
            await WriteProblemAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable,
                "The access token cannot be checked now: the identity provider's signing keys cannot be fetched. Keep the token and try again shortly.");
            return;
        }

        // No token presented: a bare challenge (RFC 6750 section 3.1). A token that failed: invalid_token.
        var description = context.AuthenticateFailure is { } failure ? Describe(failure) : null;

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = description is null
            ? context.Options.Challenge
            : $"{context.Options.Challenge} error=\"invalid_token\", error_description=\"{description}\"";

        await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
            description ?? "A bearer access token is required.");
    }

    private static Task WriteForbiddenAsync(ForbiddenContext context)
        => WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden,
            "The access token does not grant permission for this request.");

    private static async Task WriteProblemAsync(HttpContext httpContext, int status, string detail)
    {
        if (httpContext.Response.HasStarted
            || httpContext.RequestServices.GetService<IProblemDetailsService>() is not { } problemDetails)
        {
            return;
        }

        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    private static string Describe(Exception failure) => Unwrap(failure) switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException => "The access token lifetime is invalid.",
        SecurityTokenInvalidAudienceException => "The access token is not meant for this API.",
        SecurityTokenInvalidIssuerException => "The access token was not issued by the trusted realm.",
        SecurityTokenInvalidTypeException => "The token is not an access token.",
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException => "The access token signature is invalid.",
        _ => "The access token is invalid.",
    };

    private static Exception Unwrap(Exception failure)
        => failure is AggregateException { InnerExceptions: [var first, ..] } ? first : failure;

    private static ILogger CreateLogger(HttpContext httpContext)
        => httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A bearer token could not be checked: the realm's signing keys cannot be fetched from the IAM")]
    private static partial void LogSigningKeysUnavailable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token rejected ({FailureType}): {Reason}")]
    private static partial void LogTokenRejected(ILogger logger, string failureType, string reason);
}
