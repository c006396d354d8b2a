namespace RealGuard.AppHost;

public sealed record DemoUser(string UserName, string Password, string Description);

/// <summary>The demo users of realm-export.json and their development passwords: the one list the banner and tests use.</summary>
public static class DemoUsers
{
    public static DemoUser Admin { get; } = new("admin", "admin-dev-password", "RealGuard administrator");
    public static DemoUser Alice { get; } = new("alice", "alice-dev-password", "Acme company administrator");
    public static DemoUser Bob { get; } = new("bob", "bob-dev-password", "Acme employee, arms Acme HQ");
    public static DemoUser Carol { get; } = new("carol", "carol-dev-password", "Acme employee, disarms and acknowledges at Acme HQ");
    public static DemoUser Dave { get; } = new("dave", "dave-dev-password", "Acme employee, views Acme HQ");
    public static DemoUser Erin { get; } = new("erin", "erin-dev-password", "Globex administrator, arms and disarms Globex Lab");

    public static IReadOnlyList<DemoUser> All { get; } = [Admin, Alice, Bob, Carol, Dave, Erin];
}
