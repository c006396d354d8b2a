using Xunit;

namespace RealGuard.Testing;

/// <summary>
/// One <see cref="PostgresServer"/> for a whole test collection. xunit 2 only finds collection definitions in the
/// test assembly itself, so each test project declares the collection once:
/// <code>
/// [CollectionDefinition(PostgresFixture.Collection)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// and its PostgreSQL test classes take the fixture: <c>[Collection(PostgresFixture.Collection)]</c>, tests marked
/// <see cref="PostgresFactAttribute"/>. Each test class creates its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "PostgreSQL";

    private PostgresServer? server;

    /// <summary>The running server; throws the reason when PostgreSQL is not available here.</summary>
    public PostgresServer Server => server ?? throw new InvalidOperationException(
        PostgresServer.UnavailableReason ?? "The PostgreSQL server has not been started.");

    /// <summary>Creates a uniquely named database (the name gets a random suffix) and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test") =>
        Server.CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant());

    public async Task InitializeAsync()
    {
        // Absent and not required: the tests skip themselves (PostgresFact); absent and required: this fails them.
        if (PostgresServer.IsAvailable || PostgresServer.IsRequired)
        {
            server = await PostgresServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>
/// A fact that needs PostgreSQL: skipped with the reason when the binaries are missing, unless
/// <c>REALGUARD_REQUIRE_POSTGRES=1</c>, in which case it runs and fails (as CI wants).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            Skip = PostgresServer.UnavailableReason;
        }
    }
}

/// <summary>The <see cref="PostgresFactAttribute"/> rule for theories.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            Skip = PostgresServer.UnavailableReason;
        }
    }
}
