using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Data;

/// <summary>
/// The demo customers of docs/api.md, for the realm's demo users (their <c>sub</c>s are fixed in realm-export.json).
/// The users already exist in the realm, so nothing is provisioned in the IAM.
/// </summary>
public static class DemoData
{
    public static readonly Guid AcmeId = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid GlobexId = Guid.Parse("a0000000-0000-0000-0000-000000000002");
    public static readonly Guid AcmeHqId = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid GlobexLabId = Guid.Parse("b0000000-0000-0000-0000-000000000002");

    public static readonly Guid AliceEmployeeId = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    public static readonly Guid BobEmployeeId = Guid.Parse("e0000000-0000-0000-0000-000000000002");
    public static readonly Guid CarolEmployeeId = Guid.Parse("e0000000-0000-0000-0000-000000000003");
    public static readonly Guid DaveEmployeeId = Guid.Parse("e0000000-0000-0000-0000-000000000004");
    public static readonly Guid ErinEmployeeId = Guid.Parse("e0000000-0000-0000-0000-000000000005");
    public static readonly Guid AcmeIntegrationEmployeeId = Guid.Parse("e0000000-0000-0000-0000-000000000006");

    public const string AliceUserId = "2686d8c4-c5f8-5b7b-88ac-afb8d005f6cb";
    public const string BobUserId = "d6f42c7f-bad2-53a9-9849-9004c1363fce";
    public const string CarolUserId = "538cd53a-4399-54c9-9f44-d4fd1d55d393";
    public const string DaveUserId = "47a21d8a-6066-59cd-bd99-1af49ac09975";
    public const string ErinUserId = "24fe298f-d625-5a74-bbda-d96810c72bc5";

    /// <summary>The service account of Acme's third-party API client (<c>acme-integration</c>), which calls through the gateway.</summary>
    public const string AcmeIntegrationUserId = "2d79c036-a85a-5587-84c5-ee525e038e3a";

    /// <summary>Adds the demo customers when the database has no customer yet; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(CustomerDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.Customers.AddRange(Acme(), Globex());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Customer Acme()
    {
        var acme = new Customer { Id = AcmeId, Name = "Acme Corporation" };
        acme.Locations.Add(new Location { Id = AcmeHqId, CustomerId = AcmeId, Name = "Acme HQ" });

        var alice = Person(AliceEmployeeId, AcmeId, AliceUserId, "Alice", "Anderson", "alice@acme.example", "+1 555 0101");
        alice.AssignCustomerRole(DataRoles.CompanyAdmin);
        var bob = Person(BobEmployeeId, AcmeId, BobUserId, "Bob", "Brown", "bob@acme.example", "+1 555 0102");
        bob.AssignLocationRole(AcmeHqId, DataRoles.SecuritySystemArmer);
        var carol = Person(CarolEmployeeId, AcmeId, CarolUserId, "Carol", "Clark", "carol@acme.example", "+1 555 0103");
        carol.AssignLocationRole(AcmeHqId, DataRoles.SecuritySystemDisarmer);
        var dave = Person(DaveEmployeeId, AcmeId, DaveUserId, "Dave", "Davis", "dave@acme.example", "+1 555 0104");
        dave.AssignLocationRole(AcmeHqId, DataRoles.SecuritySystemViewer);

        // Acme's integration reads the state of its systems through the gateway, as a viewer.
        var integration = Person(AcmeIntegrationEmployeeId, AcmeId, AcmeIntegrationUserId, "Acme", "Integration", "integration@acme.example", null);
        integration.AssignLocationRole(AcmeHqId, DataRoles.SecuritySystemViewer);

        acme.Employees.AddRange([alice, bob, carol, dave, integration]);
        return acme;
    }

    private static Customer Globex()
    {
        var globex = new Customer { Id = GlobexId, Name = "Globex" };
        globex.Locations.Add(new Location { Id = GlobexLabId, CustomerId = GlobexId, Name = "Globex Lab" });

        var erin = Person(ErinEmployeeId, GlobexId, ErinUserId, "Erin", "Evans", "erin@globex.example", "+1 555 0201");
        erin.AssignCustomerRole(DataRoles.CompanyAdmin);
        erin.AssignLocationRole(GlobexLabId, DataRoles.SecuritySystemArmer);
        erin.AssignLocationRole(GlobexLabId, DataRoles.SecuritySystemDisarmer);

        globex.Employees.Add(erin);
        return globex;
    }

    private static Employee Person(Guid id, Guid customerId, string userId, string firstName, string lastName, string email, string? phone) =>
        new()
        {
            Id = id,
            CustomerId = customerId,
            UserId = userId,
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            Phone = phone,
        };
}
