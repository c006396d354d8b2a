using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Data;

namespace RealGuard.CustomerService.Tests.Persistence;

/// <summary><see cref="PersistenceScenarios"/> on SQLite (the local runner's database), through the SQLite migrations.</summary>
public sealed class SqlitePersistenceTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("realguard-customerdb-").FullName;
    private DbContextOptions<SqliteCustomerDbContext>? options;

    public async Task InitializeAsync()
    {
        options = new DbContextOptionsBuilder<SqliteCustomerDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "customerdb.db")}")
            .Options;
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public Task Migrations_create_the_schema_and_the_demo_data_is_added_once() =>
        PersistenceScenarios.Migrations_create_the_schema_and_the_demo_data_is_added_once(NewContext);

    [Fact]
    public Task A_customer_with_employees_locations_teams_and_roles_round_trips() =>
        PersistenceScenarios.A_customer_with_employees_locations_teams_and_roles_round_trips(NewContext);

    [Fact]
    public Task A_users_grants_resolve_to_direct_customer_level_and_team_roles() =>
        PersistenceScenarios.A_users_grants_resolve_to_direct_customer_level_and_team_roles(NewContext);

    [Fact]
    public Task Two_employees_cannot_share_an_email_address() =>
        PersistenceScenarios.Two_employees_cannot_share_an_email_address(NewContext);

    [Fact]
    public Task Assigning_a_role_or_member_again_changes_nothing() =>
        PersistenceScenarios.Assigning_a_role_or_member_again_changes_nothing(NewContext);

    [Fact]
    public Task Customer_access_follows_the_callers_employee_record_and_roles() =>
        PersistenceScenarios.Customer_access_follows_the_callers_employee_record_and_roles(NewContext);

    private CustomerDbContext NewContext() => new SqliteCustomerDbContext(options!);
}
