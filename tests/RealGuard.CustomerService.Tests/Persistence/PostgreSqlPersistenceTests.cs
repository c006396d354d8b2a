using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Data;
using RealGuard.Testing;

namespace RealGuard.CustomerService.Tests.Persistence;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;

/// <summary><see cref="PersistenceScenarios"/> on PostgreSQL (the AppHost's and production's database), through the PostgreSQL migrations.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlPersistenceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private DbContextOptions<PostgreSqlCustomerDbContext>? options;

    public async Task InitializeAsync()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            return; // every test here is skipped
        }
        options = new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>()
            .UseNpgsql(await postgres.CreateDatabaseAsync("customerdb"))
            .Options;
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [PostgresFact]
    public Task Migrations_create_the_schema_and_the_demo_data_is_added_once() =>
        PersistenceScenarios.Migrations_create_the_schema_and_the_demo_data_is_added_once(NewContext);

    [PostgresFact]
    public Task A_customer_with_employees_locations_teams_and_roles_round_trips() =>
        PersistenceScenarios.A_customer_with_employees_locations_teams_and_roles_round_trips(NewContext);

    [PostgresFact]
    public Task A_users_grants_resolve_to_direct_customer_level_and_team_roles() =>
        PersistenceScenarios.A_users_grants_resolve_to_direct_customer_level_and_team_roles(NewContext);

    [PostgresFact]
    public Task Two_employees_cannot_share_an_email_address() =>
        PersistenceScenarios.Two_employees_cannot_share_an_email_address(NewContext);

    [PostgresFact]
    public Task Assigning_a_role_or_member_again_changes_nothing() =>
        PersistenceScenarios.Assigning_a_role_or_member_again_changes_nothing(NewContext);

    [PostgresFact]
    public Task Customer_access_follows_the_callers_employee_record_and_roles() =>
        PersistenceScenarios.Customer_access_follows_the_callers_employee_record_and_roles(NewContext);

    private CustomerDbContext NewContext() => new PostgreSqlCustomerDbContext(options!);
}
