using RealGuard.CustomerService.Api;

namespace RealGuard.CustomerService.Extensions;

public static class EndpointExtensions
{
    /// <summary>The REST API of docs/api.md, "customer-service"; every endpoint needs a valid access token.</summary>
    public static IEndpointRouteBuilder MapCustomerServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapCustomerEndpoints();
        endpoints.MapEmployeeEndpoints();
        endpoints.MapLocationEndpoints();
        endpoints.MapTeamEndpoints();
        endpoints.MapRoleAssignmentEndpoints();
        endpoints.MapMeEndpoints();
        return endpoints;
    }
}
