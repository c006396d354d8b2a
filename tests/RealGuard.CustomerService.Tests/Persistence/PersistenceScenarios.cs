using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Authorization;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Tests.Persistence;

/// <summary>
/// What customer-service relies on from its database, run against each provider by <see cref="SqlitePersistenceTests"/> and
/// <see cref="PostgreSqlPersistenceTests"/>. Each scenario gets an empty, migrated database and a new context per unit of work.
/// </summary>
public static class PersistenceScenarios
{
    public static async Task Migrations_create_the_schema_and_the_demo_data_is_added_once(Func<CustomerDbContext> newContext)
    {
        await using (var db = newContext())
        {
            Assert.True(await DemoData.SeedAsync(db));
        }
        await using (var db = newContext())
        {
            Assert.False(await DemoData.SeedAsync(db));
            Assert.Equal(["Acme Corporation", "Globex"], await db.Customers.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
            Assert.Equal(6, await db.Employees.CountAsync());

            var bob = await db.GrantsOfUserAsync(DemoData.BobUserId, CancellationToken.None);
            Assert.Equal([DataRoles.SecuritySystemArmer], LocationRoleResolver.EffectiveRoles(DemoData.AcmeHqId, DemoData.AcmeId, bob));
            var erin = await db.GrantsOfUserAsync(DemoData.ErinUserId, CancellationToken.None);
            Assert.Equal([DataRoles.SecuritySystemArmer, DataRoles.SecuritySystemDisarmer],
                LocationRoleResolver.EffectiveRoles(DemoData.GlobexLabId, DemoData.GlobexId, erin));
            Assert.Empty(LocationRoleResolver.EffectiveRoles(DemoData.AcmeHqId, DemoData.AcmeId, erin));
        }
    }

    public static async Task A_customer_with_employees_locations_teams_and_roles_round_trips(Func<CustomerDbContext> newContext)
    {
        var world = await SeedWorldAsync(newContext);

        // Assign in a later unit of work, as the API does: children added to loaded entities are inserted.
        await using (var db = newContext())
        {
            var viewer = await db.Employees.Include(e => e.LocationRoles).SingleAsync(e => e.Id == world.ViewerId);
            viewer.AssignLocationRole(world.WarehouseId, DataRoles.SecuritySystemViewer);
            var team = await db.Teams.Include(t => t.Members).Include(t => t.LocationRoles).SingleAsync(t => t.Id == world.TeamId);
            team.AddMember(world.ViewerId);
            team.AssignLocationRole(world.HqId, DataRoles.SecuritySystemDisarmer);
            await db.SaveChangesAsync();
        }

        await using (var db = newContext())
        {
            var customer = await db.Customers
                .Include(c => c.Employees).ThenInclude(e => e.CustomerRoles)
                .Include(c => c.Employees).ThenInclude(e => e.LocationRoles)
                .Include(c => c.Locations)
                .Include(c => c.Teams).ThenInclude(t => t.Members)
                .Include(c => c.Teams).ThenInclude(t => t.LocationRoles)
                .AsSplitQuery()
                .SingleAsync(c => c.Id == world.CustomerId);

            Assert.Equal("Initech", customer.Name);
            Assert.Equal(["HQ", "Warehouse"], customer.Locations.Select(l => l.Name).Order());
            var admin = customer.Employees.Single(e => e.Id == world.AdminId);
            Assert.Equal(("Bill", "Lumbergh", "bill@initech.example", "+1 555 0300"), (admin.FirstName, admin.LastName, admin.Email, admin.Phone));
            Assert.Equal([DataRoles.CompanyAdmin], admin.CustomerRoles.Select(r => r.RoleName));
            var viewer = customer.Employees.Single(e => e.Id == world.ViewerId);
            Assert.Null(viewer.Phone);
            Assert.Equal([(world.WarehouseId, DataRoles.SecuritySystemViewer)], viewer.LocationRoles.Select(r => (r.LocationId, r.RoleName)));
            var team = Assert.Single(customer.Teams);
            Assert.Equal([world.ViewerId], team.Members.Select(m => m.EmployeeId));
            Assert.Equal([(world.HqId, DataRoles.SecuritySystemDisarmer)], team.LocationRoles.Select(r => (r.LocationId, r.RoleName)));
        }
    }

    public static async Task A_users_grants_resolve_to_direct_customer_level_and_team_roles(Func<CustomerDbContext> newContext)
    {
        var world = await SeedWorldAsync(newContext);
        await using (var db = newContext())
        {
            var viewer = await db.Employees.Include(e => e.LocationRoles).Include(e => e.CustomerRoles).SingleAsync(e => e.Id == world.ViewerId);
            viewer.AssignLocationRole(world.WarehouseId, DataRoles.SecuritySystemViewer);
            viewer.AssignCustomerRole(DataRoles.SecuritySystemArmer);
            var team = await db.Teams.Include(t => t.Members).Include(t => t.LocationRoles).SingleAsync(t => t.Id == world.TeamId);
            team.AddMember(world.ViewerId);
            team.AssignLocationRole(world.HqId, DataRoles.SecuritySystemDisarmer);
            await db.SaveChangesAsync();
        }

        await using (var db = newContext())
        {
            var grants = await db.GrantsOfUserAsync(world.ViewerUserId, CancellationToken.None);

            Assert.Equal([DataRoles.SecuritySystemArmer, DataRoles.SecuritySystemDisarmer],
                LocationRoleResolver.EffectiveRoles(world.HqId, world.CustomerId, grants));
            Assert.Equal([DataRoles.SecuritySystemArmer, DataRoles.SecuritySystemViewer],
                LocationRoleResolver.EffectiveRoles(world.WarehouseId, world.CustomerId, grants));
            Assert.Empty(await db.GrantsOfUserAsync("someone-else", CancellationToken.None));
        }
    }

    public static async Task Two_employees_cannot_share_an_email_address(Func<CustomerDbContext> newContext)
    {
        var world = await SeedWorldAsync(newContext);
        await using var db = newContext();
        db.Employees.Add(new Employee
        {
            CustomerId = world.CustomerId,
            UserId = Guid.NewGuid().ToString(),
            FirstName = "Bill",
            LastName = "Again",
            Email = "bill@initech.example",
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    public static async Task Assigning_a_role_or_member_again_changes_nothing(Func<CustomerDbContext> newContext)
    {
        var world = await SeedWorldAsync(newContext);
        for (var round = 0; round < 2; round++)
        {
            await using var db = newContext();
            var admin = await db.Employees.Include(e => e.CustomerRoles).Include(e => e.LocationRoles).SingleAsync(e => e.Id == world.AdminId);
            admin.AssignCustomerRole(DataRoles.CompanyAdmin);
            admin.AssignLocationRole(world.HqId, DataRoles.SecuritySystemArmer);
            var team = await db.Teams.Include(t => t.Members).Include(t => t.LocationRoles).SingleAsync(t => t.Id == world.TeamId);
            team.AddMember(world.AdminId);
            team.AssignLocationRole(world.HqId, DataRoles.SecuritySystemViewer);
            await db.SaveChangesAsync();
        }

        await using var check = newContext();
        var reloaded = await check.Employees.WithGrants().SingleAsync(e => e.Id == world.AdminId);
        Assert.Single(reloaded.CustomerRoles);
        Assert.Single(reloaded.LocationRoles);
        var membership = Assert.Single(reloaded.Memberships);
        Assert.Single(membership.Team!.LocationRoles);
    }

    public static async Task Customer_access_follows_the_callers_employee_record_and_roles(Func<CustomerDbContext> newContext)
    {
        var world = await SeedWorldAsync(newContext);
        await using var db = newContext();
        var access = new CustomerAccess(db);

        Assert.Equal(CustomerAccessLevel.CompanyAdmin, await access.OfAsync(Caller(world.AdminUserId), world.CustomerId, CancellationToken.None));
        Assert.Equal(CustomerAccessLevel.Employee, await access.OfAsync(Caller(world.ViewerUserId), world.CustomerId, CancellationToken.None));
        Assert.Equal(CustomerAccessLevel.None, await access.OfAsync(Caller("a-stranger"), world.CustomerId, CancellationToken.None));
        Assert.Equal(CustomerAccessLevel.RealGuardAdmin,
            await access.OfAsync(Caller("the-operator", RealmRoles.Admin), world.CustomerId, CancellationToken.None));
        Assert.Equal(CustomerAccessLevel.None,
            await access.OfAsync(Caller("the-operator", RealmRoles.Admin), Guid.NewGuid(), CancellationToken.None));
        Assert.Equal(CustomerAccessLevel.None, await access.OfAsync(Caller(world.AdminUserId), Guid.NewGuid(), CancellationToken.None));
    }

    private static ClaimsPrincipal Caller(string userId, params string[] roles) =>
        new(new ClaimsIdentity(
            roles.Select(role => new Claim("role", role)).Prepend(new Claim("sub", userId)),
            authenticationType: "test", nameType: "preferred_username", roleType: "role"));

    private sealed record World(Guid CustomerId, Guid HqId, Guid WarehouseId, Guid AdminId, string AdminUserId, Guid ViewerId,
        string ViewerUserId, Guid TeamId);

    /// <summary>Initech: HQ and Warehouse, Bill (company administrator), Milton (no role yet), an empty team.</summary>
    private static async Task<World> SeedWorldAsync(Func<CustomerDbContext> newContext)
    {
        var customer = new Customer { Name = "Initech" };
        var hq = new Location { CustomerId = customer.Id, Name = "HQ" };
        var warehouse = new Location { CustomerId = customer.Id, Name = "Warehouse" };
        var admin = new Employee
        {
            CustomerId = customer.Id, UserId = Guid.NewGuid().ToString(), FirstName = "Bill", LastName = "Lumbergh",
            Email = "bill@initech.example", Phone = "+1 555 0300",
        };
        admin.AssignCustomerRole(DataRoles.CompanyAdmin);
        var viewer = new Employee
        {
            CustomerId = customer.Id, UserId = Guid.NewGuid().ToString(), FirstName = "Milton", LastName = "Waddams",
            Email = "milton@initech.example",
        };
        var team = new Team { CustomerId = customer.Id, Name = "Basement" };
        customer.Locations.AddRange([hq, warehouse]);
        customer.Employees.AddRange([admin, viewer]);
        customer.Teams.Add(team);

        await using var db = newContext();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return new World(customer.Id, hq.Id, warehouse.Id, admin.Id, admin.UserId, viewer.Id, viewer.UserId, team.Id);
    }
}
