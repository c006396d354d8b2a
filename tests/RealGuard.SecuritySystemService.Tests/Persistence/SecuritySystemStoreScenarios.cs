using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Data;
using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.Tests.Persistence;

/// <summary>
/// The service's storage on a real database, through its own migrations: optimistic concurrency, a change committed
/// together with its audit entry and event, one system per location, the demo data. Each provider's test class runs
/// every one of these (as [Fact] or, for PostgreSQL, [PostgresFact], which skips when PostgreSQL is not installed).
/// </summary>
public sealed class SecuritySystemStoreScenarios(Func<SecuritySystemDbContext> newContext)
{
    private static readonly Actor Bob = new("d6f42c7f-bad2-53a9-9849-9004c1363fce", "bob");
    private static readonly Actor Carol = new("538cd53a-4399-54c9-9f44-d4fd1d55d393", "carol");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    /// <summary>A new context on the test's database (each with its own connection).</summary>
    private SecuritySystemDbContext NewContext() => newContext();

    public async Task Demo_data_gives_the_demo_locations_their_systems_once()
    {
        await using (var db = NewContext())
        {
            await DemoData.SeedAsync(db);
            await DemoData.SeedAsync(db);
        }

        await using var check = NewContext();
        var systems = await check.SecuritySystems.OrderBy(s => s.LocationName).ToListAsync();
        Assert.Collection(systems,
            acme => Assert.Equal((Guid.Parse("c0000000-0000-0000-0000-000000000001"), Guid.Parse("b0000000-0000-0000-0000-000000000001"),
                "Acme HQ", SecuritySystemState.Disarmed), (acme.Id, acme.LocationId, acme.LocationName, acme.State)),
            globex => Assert.Equal((Guid.Parse("c0000000-0000-0000-0000-000000000002"), Guid.Parse("b0000000-0000-0000-0000-000000000002"),
                "Globex Lab", SecuritySystemState.Disarmed), (globex.Id, globex.LocationId, globex.LocationName, globex.State)));
    }

    public async Task Of_two_concurrent_changes_one_wins_and_the_other_is_refused_with_nothing_of_it_stored()
    {
        var id = await AddSystemAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var seenByFirst = await first.SecuritySystems.SingleAsync(s => s.Id == id);
        var seenBySecond = await second.SecuritySystems.SingleAsync(s => s.Id == id);

        first.RecordStateChange(seenByFirst, seenByFirst.Apply(SecuritySystemAction.Arm)!, Bob, Now);
        await first.SaveChangesAsync();
        second.RecordStateChange(seenBySecond, seenBySecond.Apply(SecuritySystemAction.Arm)!, Carol, Now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = NewContext();
        var stored = await check.SecuritySystems.SingleAsync(s => s.Id == id);
        Assert.Equal((SecuritySystemState.Armed, 2L), (stored.State, stored.Version));
        Assert.Equal("bob", Assert.Single(await check.AuditEntries.ToListAsync()).UserName);
        Assert.Single(await check.OutboxMessages.ToListAsync());
    }

    public async Task A_change_is_stored_with_its_audit_entry_and_its_event()
    {
        var id = await AddSystemAsync();
        await using (var db = NewContext())
        {
            var system = await db.SecuritySystems.SingleAsync(s => s.Id == id);
            db.RecordStateChange(system, system.Apply(SecuritySystemAction.Arm)!, Bob, Now);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var entry = await check.AuditEntries.SingleAsync();
        Assert.Equal((id, Now, Bob.UserId, "bob", "ARM", SecuritySystemState.Disarmed, SecuritySystemState.Armed),
            (entry.SecuritySystemId, entry.At, entry.UserId, entry.UserName, entry.Action, entry.From, entry.To));

        var message = await check.OutboxMessages.SingleAsync();
        Assert.Null(message.DeliveredAt);
        var payload = JsonDocument.Parse(message.Payload).RootElement;
        Assert.Equal(message.EventId, payload.GetProperty("eventId").GetGuid());
        Assert.Equal(id, payload.GetProperty("securitySystemId").GetGuid());
        Assert.Equal("ARMED", payload.GetProperty("to").GetString());
    }

    public async Task Audit_entries_and_events_keep_the_order_of_the_changes()
    {
        var id = await AddSystemAsync();
        var actions = new[] { SecuritySystemAction.Arm, SecuritySystemAction.Disarm, SecuritySystemAction.Arm };
        foreach (var action in actions)
        {
            await using var db = NewContext();
            var system = await db.SecuritySystems.SingleAsync(s => s.Id == id);
            db.RecordStateChange(system, system.Apply(action)!, Bob, Now);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        Assert.Equal(["ARM", "DISARM", "ARM"], await check.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        var events = await check.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        Assert.Equal(["ARM", "DISARM", "ARM"], events.Select(json => JsonDocument.Parse(json).RootElement.GetProperty("action").GetString()));
    }

    public async Task A_location_has_at_most_one_security_system()
    {
        var location = Guid.NewGuid();
        await AddSystemAsync(location);

        await using var db = NewContext();
        db.SecuritySystems.Add(SecuritySystem.Create(Guid.NewGuid(), location, "Acme HQ again"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    public async Task States_are_stored_as_their_contract_names()
    {
        var id = await AddSystemAsync();
        await using var db = NewContext();

        var found = await db.SecuritySystems.Where(s => s.State == SecuritySystemState.Disarmed).Select(s => s.Id).ToListAsync();
        var raw = await db.Database.SqlQueryRaw<string>("SELECT \"State\" AS \"Value\" FROM \"SecuritySystems\"").ToListAsync();

        Assert.Equal([id], found);
        Assert.Equal(["DISARMED"], raw);
    }

    private async Task<Guid> AddSystemAsync(Guid? locationId = null)
    {
        await using var db = NewContext();
        var system = SecuritySystem.Create(Guid.NewGuid(), locationId ?? Guid.NewGuid(), "Acme HQ");
        db.SecuritySystems.Add(system);
        await db.SaveChangesAsync();
        return system.Id;
    }
}
