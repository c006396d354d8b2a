using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RealGuard.NotificationService.Endpoints;
using RealGuard.NotificationService.CustomerService;
using RealGuard.NotificationService.Data;
using RealGuard.NotificationService.Domain;
using RealGuard.NotificationService.Events;
using RealGuard.NotificationService.Tests.Infrastructure;
using RealGuard.Testing;

namespace RealGuard.NotificationService.Tests.Persistence;

/// <summary>
/// notification-service's storage on each provider, through its own migrations: events stored once (the unique
/// index, and two deliveries racing), every recipient's notification in the same transaction, nothing stored when
/// the recipients are unknown, a person's notifications newest first.
/// </summary>
public abstract class NotificationStoreTests : IAsyncLifetime
{
    private static readonly LocationPerson[] AcmeHqPeople =
    [
        new("alice-id", "Alice Anderson", ["COMPANY_ROLE_ADMIN"]),
        new("bob-id", "Bob Brown", ["SECURITY_SYSTEM_ARMER"]),
        new("carol-id", "Carol Clark", ["SECURITY_SYSTEM_DISARMER"]),
    ];

    protected abstract NotificationDbContext NewContext();

    public virtual async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task An_event_is_stored_with_one_notification_per_person()
    {
        var incoming = Event(occurredAt: new DateTime(2026, 11, 22, 13, 45, 7, 123, DateTimeKind.Utc));

        Assert.Equal(IntakeOutcome.Stored, await IntakeAsync(new StubCustomerService(AcmeHqPeople), incoming));

        await using var db = NewContext();
        var stored = await db.Events.Include(e => e.Notifications).SingleAsync(e => e.EventId == incoming.EventId);
        Assert.Equal(["alice-id", "bob-id", "carol-id"], stored.Notifications.Select(n => n.RecipientUserId).Order());
        Assert.All(stored.Notifications, notification =>
        {
            Assert.Equal("Bob Brown armed Acme HQ", notification.Message);
            Assert.Equal(incoming.OccurredAt, notification.OccurredAt);
            Assert.Equal(DateTimeKind.Utc, notification.OccurredAt.Kind);
        });
    }

    protected async Task The_unique_index_refuses_a_second_copy_of_an_event()
    {
        var eventId = Guid.NewGuid();
        await using (var db = NewContext())
        {
            db.Events.Add(Event(eventId));
            await db.SaveChangesAsync();
        }

        await using var other = NewContext();
        other.Events.Add(Event(eventId));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
        Assert.True(refused.IsUniqueViolation(), refused.InnerException?.Message);
    }

    protected async Task Two_deliveries_of_one_event_at_once_store_it_once()
    {
        var eventId = Guid.NewGuid();
        var customerService = new StubCustomerService(AcmeHqPeople);
        customerService.HoldAnswers();

        // Both pass the "already stored?" check, then both try to store.
        var first = IntakeAsync(customerService, Event(eventId));
        var second = IntakeAsync(customerService, Event(eventId));
        await WaitUntilAsync(() => customerService.Calls == 2);
        customerService.Release();
        var outcomes = await Task.WhenAll(first, second);

        Assert.Equal([IntakeOutcome.Stored, IntakeOutcome.AlreadyStored], outcomes.Order());
        await using var db = NewContext();
        Assert.Equal(1, await db.Events.CountAsync(e => e.EventId == eventId));
        Assert.Equal(AcmeHqPeople.Length, await db.Notifications.CountAsync(n => n.EventId == eventId));
    }

    protected async Task A_redelivery_is_recognised_without_asking_customer_service()
    {
        var customerService = new StubCustomerService(AcmeHqPeople);
        var eventId = Guid.NewGuid();
        await IntakeAsync(customerService, Event(eventId));

        customerService.Down = true;
        Assert.Equal(IntakeOutcome.AlreadyStored, await IntakeAsync(customerService, Event(eventId)));
        Assert.Equal(1, customerService.Calls);
    }

    protected async Task Nothing_is_stored_while_the_recipients_are_unknown()
    {
        var incoming = Event();

        await Assert.ThrowsAsync<CustomerServiceUnavailableException>(
            () => IntakeAsync(new StubCustomerService(AcmeHqPeople) { Down = true }, incoming));

        await using var db = NewContext();
        Assert.False(await db.Events.AnyAsync(e => e.EventId == incoming.EventId));
        Assert.False(await db.Notifications.AnyAsync(n => n.EventId == incoming.EventId));
    }

    protected async Task A_person_reads_only_their_own_notifications_newest_first()
    {
        var person = new LocationPerson("reader-" + Guid.NewGuid(), "Rita Reader", ["SECURITY_SYSTEM_VIEWER"]);
        var someoneElse = new LocationPerson("other-" + Guid.NewGuid(), "Otto Other", ["SECURITY_SYSTEM_VIEWER"]);
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        foreach (var hours in new[] { 2, 0, 5, 1 })
        {
            await IntakeAsync(new StubCustomerService(person), Event(occurredAt: start.AddHours(hours)));
        }

        await IntakeAsync(new StubCustomerService(someoneElse), Event(occurredAt: start.AddHours(3)));

        await using var db = NewContext();
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", person.UserId!)], "test"));
        var response = (await NotificationsApi.GetMyNotificationsAsync(reader, db, CancellationToken.None)).Value!;

        Assert.Equal([5, 2, 1, 0], response.Notifications.Select(n => (int)(n.OccurredAt - start).TotalHours));
    }

    private async Task<IntakeOutcome> IntakeAsync(StubCustomerService customerService, SecuritySystemEvent incoming)
    {
        await using var db = NewContext();
        var intake = new EventIntake(db, customerService.Client(), TimeProvider.System, NullLogger<EventIntake>.Instance);
        return await intake.AcceptAsync(incoming, CancellationToken.None);
    }

    private static SecuritySystemEvent Event(Guid? eventId = null, DateTime? occurredAt = null) => new()
    {
        EventId = eventId ?? Guid.NewGuid(),
        SecuritySystemId = Guid.NewGuid(),
        LocationId = Guid.NewGuid(),
        LocationName = "Acme HQ",
        Action = WireNames.Arm,
        From = WireNames.Disarmed,
        To = WireNames.Armed,
        ActorUserId = "bob-id",
        ActorName = "bob",
        OccurredAt = occurredAt ?? DateTime.UtcNow,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The concurrent deliveries did not both reach customer-service.");
            await Task.Delay(10);
        }
    }
}

public sealed class SqliteNotificationStoreTests : NotificationStoreTests
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"notifications-{Guid.NewGuid():N}.db");

    protected override NotificationDbContext NewContext() =>
        new SqliteNotificationDbContext(new DbContextOptionsBuilder<SqliteNotificationDbContext>().UseSqlite($"Data Source={file}").Options);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }

    [Fact] public Task Stores_an_event_with_one_notification_per_person() => An_event_is_stored_with_one_notification_per_person();

    [Fact] public Task Unique_index_refuses_a_second_copy() => The_unique_index_refuses_a_second_copy_of_an_event();

    [Fact] public Task Concurrent_deliveries_store_once() => Two_deliveries_of_one_event_at_once_store_it_once();

    [Fact] public Task Redelivery_needs_no_customer_service() => A_redelivery_is_recognised_without_asking_customer_service();

    [Fact] public Task Stores_nothing_without_recipients() => Nothing_is_stored_while_the_recipients_are_unknown();

    [Fact] public Task Reads_own_notifications_newest_first() => A_person_reads_only_their_own_notifications_newest_first();
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlNotificationStoreTests(PostgresFixture postgres) : NotificationStoreTests
{
    private string connectionString = "";

    protected override NotificationDbContext NewContext() =>
        new PostgreSqlNotificationDbContext(new DbContextOptionsBuilder<PostgreSqlNotificationDbContext>().UseNpgsql(connectionString).Options);

    public override async Task InitializeAsync()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            return; // every test here is skipped, with the reason
        }

        connectionString = await postgres.CreateDatabaseAsync("notifications");
        await base.InitializeAsync();
    }

    [PostgresFact] public Task Stores_an_event_with_one_notification_per_person() => An_event_is_stored_with_one_notification_per_person();

    [PostgresFact] public Task Unique_index_refuses_a_second_copy() => The_unique_index_refuses_a_second_copy_of_an_event();

    [PostgresFact] public Task Concurrent_deliveries_store_once() => Two_deliveries_of_one_event_at_once_store_it_once();

    [PostgresFact] public Task Redelivery_needs_no_customer_service() => A_redelivery_is_recognised_without_asking_customer_service();

    [PostgresFact] public Task Stores_nothing_without_recipients() => Nothing_is_stored_while_the_recipients_are_unknown();

    [PostgresFact] public Task Reads_own_notifications_newest_first() => A_person_reads_only_their_own_notifications_newest_first();
}
