using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Microsoft.Extensions.Hosting;

// The one resilience pipeline of every HTTP client (Microsoft.Extensions.Http.Resilience's standard handler), tuned to
// fail fast: a part that is down is known within the budget, a part that keeps failing is not asked again for a while
// (the circuit breaker answers at once), and the caller answers 503 with Retry-After instead of waiting.
public static class ServiceClientResilience
{
    private const int MaxRetryAttempts = 2;
    private const double AttemptShareOfBudget = 2.0 / 3;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);

    // A circuit opens when half of the last calls failed, once there were a few: a dependency that is down or hung
    // costs the first callers the budget, the next ones nothing.
    private const double FailureRatio = 0.5;
    private const int MinimumThroughput = 5;
    private static readonly TimeSpan MinimumSamplingDuration = TimeSpan.FromSeconds(10);

    public static IHttpClientBuilder AddServiceClientResilience(this IHttpClientBuilder http, IConfiguration configuration)
    {
        // The application's values, then those of this client (ServiceClients:Resilience:Clients:{client name}).
        var section = configuration.GetSection(ServiceClientResilienceOptions.Section);
        var settings = section.Get<ServiceClientResilienceOptions>() ?? new ServiceClientResilienceOptions();
        section.GetSection($"Clients:{http.Name}").Bind(settings);
        http.AddStandardResilienceHandler(options => Apply(options, settings));
        return http;
    }

    private static void Apply(HttpStandardResilienceOptions options, ServiceClientResilienceOptions settings)
    {
        options.TotalRequestTimeout.Timeout = settings.Timeout;
        // An attempt ends before the budget does, so that its timeout counts against the circuit (the budget's own
        // timeout is a cancellation, which does not); retries are for failures that come back at once (refused).
        options.AttemptTimeout.Timeout = settings.Timeout * AttemptShareOfBudget;

        options.Retry.MaxRetryAttempts = MaxRetryAttempts;
        options.Retry.Delay = FirstRetryDelay;
        // A Retry-After longer than the budget would only end in a timeout; such an answer goes back to the caller.
        options.Retry.ShouldRetryAfterHeader = false;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome));
        // Only safe methods are retried: a POST or PUT whose answer was lost may have taken effect (arming twice,
        // creating a person twice); its caller decides what to do.
        options.Retry.DisableForUnsafeHttpMethods();

        options.CircuitBreaker.FailureRatio = FailureRatio;
        options.CircuitBreaker.MinimumThroughput = MinimumThroughput;
        options.CircuitBreaker.SamplingDuration = settings.Timeout * 2 > MinimumSamplingDuration ? settings.Timeout * 2 : MinimumSamplingDuration;
        options.CircuitBreaker.BreakDuration = settings.BreakDuration;
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome));
    }

    // A part that answers with Retry-After (503 because its own dependency is down, 429) is up and has said when to
    // come back: its answer is passed on, neither retried sooner nor counted against it.
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome)
        => HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Result?.Headers.RetryAfter is null;
}
