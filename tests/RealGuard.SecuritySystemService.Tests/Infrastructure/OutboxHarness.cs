using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealGuard.SecuritySystemService.Data;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.SecuritySystemService.Outbox;

namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

/// <summary>
/// The outbox and its dispatcher on an in-memory SQLite database (the real migrations), a fake clock, and a scripted
/// stand-in for notification-service.
/// </summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly ServiceProvider services;
    private readonly Guid systemId = Guid.NewGuid();

    private OutboxHarness(SqliteConnection connection, ServiceProvider services)
    {
        this.connection = connection;
        this.services = services;
    }

    public TimerRecordingTimeProvider Time { get; } = new();

    public ScriptedHttpHandler NotificationService { get; } = new();

    public OutboxSignal Signal => services.GetRequiredService<OutboxSignal>();

    public static async Task<OutboxHarness> CreateAsync()
    {
        // A named in-memory database: each context opens its own connection (the dispatcher runs beside the test);
        // this one keeps the database alive.
        var connectionString = $"Data Source=outbox-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        OutboxHarness? harness = null;
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<SecuritySystemDbContext, SqliteSecuritySystemDbContext>(options => options.UseSqlite(connectionString));
        collection.AddSingleton<TimeProvider>(_ => harness!.Time);
        collection.AddSingleton(_ => new NotificationServiceClient(
            new HttpClient(harness!.NotificationService) { BaseAddress = new Uri("http://notification-service") }));
        collection.AddSingleton<OutboxSignal>();
        collection.AddScoped<OutboxDelivery>();
        harness = new OutboxHarness(connection, collection.BuildServiceProvider());
        harness.Time.Stamp = () => harness.NotificationService.Requests.Count;

        await using var scope = harness.services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecuritySystemDbContext>();
        await db.Database.MigrateAsync();
        db.SecuritySystems.Add(SecuritySystem.Create(harness.systemId, Guid.NewGuid(), "Acme HQ"));
        await db.SaveChangesAsync();
        return harness;
    }

    /// <summary>Arms or disarms the system as bob, which writes one event; returns its id.</summary>
    public async Task<Guid> WriteEventAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecuritySystemDbContext>();
        var system = await db.SecuritySystems.SingleAsync(s => s.Id == systemId);
        var change = system.Apply(system.State == SecuritySystemState.Disarmed ? SecuritySystemAction.Arm : SecuritySystemAction.Disarm)!;
        db.RecordStateChange(system, change, new Actor("bob-id", "bob"), Time.GetUtcNow());
        await db.SaveChangesAsync();
        return (await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync()).EventId;
    }

    public async Task<IReadOnlyList<OutboxMessage>> MessagesAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SecuritySystemDbContext>().OutboxMessages
            .AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>One delivery round, as the dispatcher runs it.</summary>
    public async Task<OutboxRound> DeliverOnceAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverPendingAsync(CancellationToken.None);
    }

    public OutboxDispatcher CreateDispatcher() => new(
        services.GetRequiredService<IServiceScopeFactory>(), Signal, Time, Options.Create(new OutboxOptions()),
        NullLogger<OutboxDispatcher>.Instance);

    /// <summary>The event ids in the bodies notification-service received, in order.</summary>
    public IReadOnlyList<Guid> PostedEventIds => [.. NotificationService.Requests
        .Select(request => JsonDocument.Parse(request.Body!).RootElement.GetProperty("eventId").GetGuid())];

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }
}
