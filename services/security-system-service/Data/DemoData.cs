using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.Data;

/// <summary>The demo security systems of docs/api.md, for the demo locations customer-service seeds.</summary>
public static class DemoData
{
    public static readonly Guid AcmeHqSystemId = Guid.Parse("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid GlobexLabSystemId = Guid.Parse("c0000000-0000-0000-0000-000000000002");
    public static readonly Guid AcmeHqLocationId = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid GlobexLabLocationId = Guid.Parse("b0000000-0000-0000-0000-000000000002");

    /// <summary>Adds the demo systems if the database has no security system at all; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(SecuritySystemDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.SecuritySystems.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.SecuritySystems.AddRange(
            SecuritySystem.Create(AcmeHqSystemId, AcmeHqLocationId, "Acme HQ"),
            SecuritySystem.Create(GlobexLabSystemId, GlobexLabLocationId, "Globex Lab"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
