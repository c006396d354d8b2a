namespace RealGuard.IdentityProvider.Tests.Infrastructure;

public sealed record DemoUser(string UserName, string Password);

/// <summary>The demo users of realm-export.json and their development passwords (docs/realm.md).</summary>
public static class DemoUsers
{
    public static DemoUser Admin { get; } = new("admin", "admin-dev-password");
    public static DemoUser Alice { get; } = new("alice", "alice-dev-password");
    public static DemoUser Bob { get; } = new("bob", "bob-dev-password");
    public static DemoUser Carol { get; } = new("carol", "carol-dev-password");
    public static DemoUser Dave { get; } = new("dave", "dave-dev-password");
    public static DemoUser Erin { get; } = new("erin", "erin-dev-password");
}
