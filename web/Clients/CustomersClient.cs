using RealGuard.Web.Authentication;

namespace RealGuard.Web.Clients;

/// <summary>customer-service: customers, their employees, locations, teams and role assignments.</summary>
public class CustomersClient(HttpClient http, CurrentUserSession session) : ServiceClient(http, session)
{
    public virtual async Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken = default)
        => (await GetAsync<CustomerList>("/customers", cancellationToken)).Customers;

    public virtual Task<CustomerDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
        => GetAsync<CustomerDetails>($"/customers/{id}", cancellationToken);

    public virtual Task<CreatedCustomer> CreateAsync(NewCustomer customer, CancellationToken cancellationToken = default)
        => SendAsync<CreatedCustomer>(HttpMethod.Post, "/customers", customer, cancellationToken);

    public virtual Task<Employee> AddEmployeeAsync(Guid customerId, NewPerson person, CancellationToken cancellationToken = default)
        => SendAsync<Employee>(HttpMethod.Post, $"/customers/{customerId}/employees", person, cancellationToken);

    public virtual Task<Location> AddLocationAsync(Guid customerId, string name, CancellationToken cancellationToken = default)
        => SendAsync<Location>(HttpMethod.Post, $"/customers/{customerId}/locations", new { name }, cancellationToken);

    public virtual Task AssignCustomerRoleAsync(Guid customerId, Guid employeeId, string roleName, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Put, $"/customers/{customerId}/customer-roles", new { employeeId, roleName }, cancellationToken);

    public virtual Task AssignLocationRoleAsync(Guid customerId, Guid employeeId, Guid locationId, string roleName, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Put, $"/customers/{customerId}/location-roles", new { employeeId, locationId, roleName }, cancellationToken);

    public virtual Task<Team> CreateTeamAsync(Guid customerId, string name, CancellationToken cancellationToken = default)
        => SendAsync<Team>(HttpMethod.Post, $"/customers/{customerId}/teams", new { name }, cancellationToken);

    public virtual Task<Team> AddTeamMemberAsync(Guid customerId, Guid teamId, Guid employeeId, CancellationToken cancellationToken = default)
        => SendAsync<Team>(HttpMethod.Post, $"/customers/{customerId}/teams/{teamId}/members", new { employeeId }, cancellationToken);

    public virtual Task<Team> AssignTeamLocationRoleAsync(Guid customerId, Guid teamId, Guid locationId, string roleName, CancellationToken cancellationToken = default)
        => SendAsync<Team>(HttpMethod.Put, $"/customers/{customerId}/teams/{teamId}/location-roles", new { locationId, roleName }, cancellationToken);

    public virtual async Task<IReadOnlyList<MyLocation>> MyLocationsAsync(CancellationToken cancellationToken = default)
        => (await GetAsync<MyLocationList>("/me/locations", cancellationToken)).Locations;
}

public sealed record Customer(Guid Id, string Name);

public sealed record CustomerList(IReadOnlyList<Customer> Customers);

public sealed record CustomerDetails(Guid Id, string Name, IReadOnlyList<Employee>? Employees, IReadOnlyList<Location>? Locations, IReadOnlyList<Team>? Teams);

public sealed record Location(Guid Id, Guid CustomerId, string Name);

public sealed record MyLocation(Guid Id, Guid CustomerId, string Name, IReadOnlyList<string> Roles);

public sealed record MyLocationList(IReadOnlyList<MyLocation> Locations);

public sealed record LocationRole(Guid LocationId, string RoleName);

public sealed record Employee(
    Guid Id,
    Guid CustomerId,
    string? UserId,
    string FirstName,
    string LastName,
    string? Email,
    string? Phone,
    IReadOnlyList<string>? CustomerRoles,
    IReadOnlyList<LocationRole>? LocationRoles,
    string? InitialPassword)
{
    public string FullName => $"{FirstName} {LastName}";
}

public sealed record Team(Guid Id, Guid CustomerId, string Name, IReadOnlyList<Guid>? MemberIds, IReadOnlyList<LocationRole>? LocationRoles);

public sealed record NewPerson(string FirstName, string LastName, string Email, string? Phone);

public sealed record NewCustomer(string Name, NewPerson InitialAdministrator);

public sealed record CreatedCustomer(Customer Customer, Employee InitialAdministrator);
