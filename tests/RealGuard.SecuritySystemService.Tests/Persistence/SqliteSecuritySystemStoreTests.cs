using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealGuard.SecuritySystemService.Data;

namespace RealGuard.SecuritySystemService.Tests.Persistence;

public sealed class SqliteSecuritySystemStoreTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"securitysystemdb-{Guid.NewGuid():N}.db");
    private readonly SecuritySystemStoreScenarios scenarios;

    public SqliteSecuritySystemStoreTests() => scenarios = new(() => new SqliteSecuritySystemDbContext(
        new DbContextOptionsBuilder<SqliteSecuritySystemDbContext>().UseSqlite($"Data Source={file}").Options));

    public Task InitializeAsync() => scenarios.MigrateAsync();

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }

    [Fact]
    public Task Demo_data_gives_the_demo_locations_their_systems_once() => scenarios.Demo_data_gives_the_demo_locations_their_systems_once();

    [Fact]
    public Task Of_two_concurrent_changes_one_wins_and_the_other_is_refused_with_nothing_of_it_stored() => scenarios.Of_two_concurrent_changes_one_wins_and_the_other_is_refused_with_nothing_of_it_stored();

    [Fact]
    public Task A_change_is_stored_with_its_audit_entry_and_its_event() => scenarios.A_change_is_stored_with_its_audit_entry_and_its_event();

    [Fact]
    public Task Audit_entries_and_events_keep_the_order_of_the_changes() => scenarios.Audit_entries_and_events_keep_the_order_of_the_changes();

    [Fact]
    public Task A_location_has_at_most_one_security_system() => scenarios.A_location_has_at_most_one_security_system();

    [Fact]
    public Task States_are_stored_as_their_contract_names() => scenarios.States_are_stored_as_their_contract_names();
}
