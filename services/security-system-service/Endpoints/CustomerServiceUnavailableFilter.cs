using RealGuard.SecuritySystemService.CustomerService;

namespace RealGuard.SecuritySystemService.Endpoints;

/// <summary>Without customer-service no one's rights are known: 503, rather than a guess or a 500.</summary>
public sealed class CustomerServiceUnavailableFilter : IEndpointFilter
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CustomerServiceUnavailableException)
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString();
            return SecuritySystemProblems.CustomerServiceUnavailable();
        }
    }
}
