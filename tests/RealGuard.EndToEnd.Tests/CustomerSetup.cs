using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RealGuard.AppHost.StackResources;

namespace RealGuard.EndToEnd.Tests;

/// <summary>
/// RealGuardIO's onboarding, as people do it through the APIs: the RealGuard administrator creates a customer with its
/// initial administrator, who logs in, creates a location and employees and gives them roles there; the RealGuard
/// administrator installs the location's security system.
/// </summary>
public sealed record CustomerSetup(string CustomerId, string LocationId, string SecuritySystemId, Person Administrator,
    Person Armer, Person Disarmer, Person Viewer)
{
    public static async Task<CustomerSetup> CreateAsync(ServicesFixture services)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var admin = await services.LoginAsync(CustomerService, "admin", "admin-dev-password");
        var created = await (await admin.PostAsJsonAsync("/customers", new
        {
            name = $"Initech {suffix}",
            initialAdministrator = new { firstName = "Peter", lastName = "Gibbons", email = $"peter.{suffix}@initech.example" },
        })).ReadAsync<JsonElement>();
        var customerId = created.GetProperty("customer").GetProperty("id").GetString()!;
        var administrator = Person.From(created.GetProperty("initialAdministrator"));

        using var peter = await services.LoginAsync(CustomerService, administrator.Email, administrator.Password);
        var location = await (await peter.PostAsJsonAsync($"/customers/{customerId}/locations", new { name = $"Initech HQ {suffix}" })).ReadAsync<JsonElement>();
        var locationId = location.GetProperty("id").GetString()!;

        var armer = await HireAsync(peter, customerId, "Milton", "Waddams", suffix);
        var disarmer = await HireAsync(peter, customerId, "Samir", "Nagheenanajar", suffix);
        var viewer = await HireAsync(peter, customerId, "Michael", "Bolton", suffix);

        using var adminOfSystems = await services.LoginAsync(SecuritySystemService, "admin", "admin-dev-password");
        var response = await adminOfSystems.PostAsJsonAsync("/securitysystems", new { locationId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var system = await response.ReadAsync<JsonElement>();

        await AssignAsync(peter, customerId, armer, locationId, "SECURITY_SYSTEM_ARMER");
        await AssignAsync(peter, customerId, disarmer, locationId, "SECURITY_SYSTEM_DISARMER");
        await AssignAsync(peter, customerId, viewer, locationId, "SECURITY_SYSTEM_VIEWER");

        return new CustomerSetup(customerId, locationId, system.GetProperty("id").GetString()!, administrator, armer, disarmer, viewer);
    }

    private static async Task<Person> HireAsync(HttpClient companyAdmin, string customerId, string firstName, string lastName, string suffix)
    {
        var response = await companyAdmin.PostAsJsonAsync($"/customers/{customerId}/employees",
            new { firstName, lastName, email = $"{firstName.ToLowerInvariant()}.{suffix}@initech.example" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Person.From(await response.ReadAsync<JsonElement>());
    }

    private static async Task AssignAsync(HttpClient companyAdmin, string customerId, Person employee, string locationId, string roleName)
    {
        var response = await companyAdmin.PutAsJsonAsync($"/customers/{customerId}/location-roles",
            new { employeeId = employee.EmployeeId, locationId, roleName });
        await response.ReadAsync<JsonElement>();
    }
}

public sealed record Person(string EmployeeId, string UserId, string Email, string Password)
{
    public static Person From(JsonElement employee) => new(
        employee.GetProperty("id").GetString()!,
        employee.GetProperty("userId").GetString()!,
        employee.GetProperty("email").GetString()!,
        employee.GetProperty("initialPassword").GetString()!);
}
