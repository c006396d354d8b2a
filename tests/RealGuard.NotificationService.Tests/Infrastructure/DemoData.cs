namespace RealGuard.NotificationService.Tests.Infrastructure;

/// <summary>docs/api.md "Demo data" and docs/realm.md "Demo users".</summary>
public static class DemoData
{
    public static readonly Guid AcmeHq = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid AcmeHqSecuritySystem = Guid.Parse("c0000000-0000-0000-0000-000000000001");

    public const string BobUserId = "d6f42c7f-bad2-53a9-9849-9004c1363fce";

    /// <summary>Everyone with a role at Acme HQ: alice (customer-level admin), bob, carol, dave.</summary>
    // alice administers Acme (COMPANY_ROLE_ADMIN, a customer role) but holds no role at Acme HQ itself.
    public static readonly string[] AcmeHqPeople = ["bob", "carol", "dave"];

    /// <summary>An ARM of Acme HQ by bob, as security-system-service sends it; a new event id each time.</summary>
    public static Dictionary<string, object?> BobArmsAcmeHq(Guid? eventId = null, DateTimeOffset? occurredAt = null) => new()
    {
        ["eventId"] = eventId ?? Guid.NewGuid(),
        ["securitySystemId"] = AcmeHqSecuritySystem,
        ["locationId"] = AcmeHq,
        ["locationName"] = "Acme HQ",
        ["action"] = "ARM",
        ["from"] = "DISARMED",
        ["to"] = "ARMED",
        ["actorUserId"] = BobUserId,
        ["actorName"] = "bob",
        ["occurredAt"] = occurredAt ?? DateTimeOffset.UtcNow,
    };
}
