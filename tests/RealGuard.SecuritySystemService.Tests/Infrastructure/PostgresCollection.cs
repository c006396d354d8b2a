using RealGuard.Testing;

namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
