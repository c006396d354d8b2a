namespace RealGuard.Web.Endpoints;

public static class BffEndpoints
{
    public static IEndpointRouteBuilder MapBffEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SessionEndpoint.Path, SessionEndpoint.GetAsync)
            .RequireAuthorization()
            .AddEndpointFilter<AntiforgeryHeaderFilter>();

        endpoints.Map(ApiForwarder.Pattern, (HttpContext http, string service, string? path, ApiForwarder forwarder) => forwarder.ForwardAsync(http, service, path))
            .RequireAuthorization()
            .AddEndpointFilter<AntiforgeryHeaderFilter>()
            .DisableAntiforgery();

        return endpoints;
    }
}
