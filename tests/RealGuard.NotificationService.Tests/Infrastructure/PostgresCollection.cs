using RealGuard.Testing;

namespace RealGuard.NotificationService.Tests.Infrastructure;

/// <summary>One private PostgreSQL server for the project's PostgreSQL tests.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
