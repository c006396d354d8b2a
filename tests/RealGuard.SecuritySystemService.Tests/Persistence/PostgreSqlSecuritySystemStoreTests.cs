using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Data;
using RealGuard.Testing;

namespace RealGuard.SecuritySystemService.Tests.Persistence;

[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlSecuritySystemStoreTests : IAsyncLifetime
{
    private readonly PostgresFixture postgres;
    private readonly SecuritySystemStoreScenarios scenarios;
    private string? connectionString;

    public PostgreSqlSecuritySystemStoreTests(PostgresFixture postgres)
    {
        this.postgres = postgres;
        scenarios = new(() => new PostgreSqlSecuritySystemDbContext(
            new DbContextOptionsBuilder<PostgreSqlSecuritySystemDbContext>().UseNpgsql(connectionString).Options));
    }

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateDatabaseAsync("securitysystemdb");
        await scenarios.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [PostgresFact]
    public Task Demo_data_gives_the_demo_locations_their_systems_once() => scenarios.Demo_data_gives_the_demo_locations_their_systems_once();

    [PostgresFact]
    public Task Of_two_concurrent_changes_one_wins_and_the_other_is_refused_with_nothing_of_it_stored() => scenarios.Of_two_concurrent_changes_one_wins_and_the_other_is_refused_with_nothing_of_it_stored();

    [PostgresFact]
    public Task A_change_is_stored_with_its_audit_entry_and_its_event() => scenarios.A_change_is_stored_with_its_audit_entry_and_its_event();

    [PostgresFact]
    public Task Audit_entries_and_events_keep_the_order_of_the_changes() => scenarios.Audit_entries_and_events_keep_the_order_of_the_changes();

    [PostgresFact]
    public Task A_location_has_at_most_one_security_system() => scenarios.A_location_has_at_most_one_security_system();

    [PostgresFact]
    public Task States_are_stored_as_their_contract_names() => scenarios.States_are_stored_as_their_contract_names();
}
