using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RealGuard.Gateway.RateLimiting;

// Each API client (the token's azp) gets its own fixed window; a request over the limit gets 429 with Retry-After
// and never reaches a service. Runs after authentication, so the client is the one the token names, not one a
// header claims. Requests without a client are not counted here: they are refused by authorization next.
internal static class ClientRateLimiting
{
    public const string PolicyName = "per-client";

    public static IHostApplicationBuilder AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientRateLimitOptions>()
            .BindConfiguration(ClientRateLimitOptions.SectionName)
            .Validate(options => options.PermitLimit > 0 && options.Window > TimeSpan.Zero
                    && options.Clients.Values.All(client => client.PermitLimit is null or > 0 && (client.Window is null || client.Window > TimeSpan.Zero)),
                "Gateway:RateLimit needs a positive PermitLimit and Window (also in each Clients entry).")
            .ValidateOnStart();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.AddPolicy(PolicyName, PartitionByClient);
        });

        return builder;
    }

    private static RateLimitPartition<string> PartitionByClient(HttpContext context)
    {
        if (context.User.GetClientId() is not { Length: > 0 } clientId)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var (permitLimit, window) = context.RequestServices.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value.For(clientId);
        return RateLimitPartition.GetFixedWindowLimiter(clientId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Client '{context.User.GetClientId()}' has made too many requests; retry after {retryAfter} s.",
            },
        });
    }
}
