using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RealGuard.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

// The OpenAPI document every service publishes at /openapi/v1.json: operations and schemas from the endpoints'
// signatures (typed requests, typed results), and the bearer scheme they all require.
public static class OpenApiExtensions
{
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return builder;
    }

    /// <summary>Anonymous, so a fallback authorization policy does not hide the contract.</summary>
    public static IEndpointConventionBuilder MapDefaultOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi().AllowAnonymous();
}
