namespace RealGuard.CustomerService.Endpoints;

public static class CustomerServiceApi
{
    /// <summary>The REST API of docs/api.md, "customer-service"; every endpoint needs a valid access token.</summary>
    public static IEndpointRouteBuilder MapCustomerServiceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCustomersApi();
        endpoints.MapEmployeesApi();
        endpoints.MapLocationsApi();
        endpoints.MapTeamsApi();
        endpoints.MapRoleAssignmentsApi();
        endpoints.MapMeApi();
        return endpoints;
    }
}
