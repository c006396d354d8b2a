using RealGuard.ServiceDefaults;
namespace RealGuard.SecuritySystemService.Tests.Infrastructure;

/// <summary>docs/api.md "Demo data" and docs/realm.md "Demo users".</summary>
public static class DemoData
{
    public static readonly Guid Acme = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid AcmeHq = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    public static readonly Guid GlobexLab = Guid.Parse("b0000000-0000-0000-0000-000000000002");
    public static readonly Guid AcmeHqSystem = Guid.Parse("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid GlobexLabSystem = Guid.Parse("c0000000-0000-0000-0000-000000000002");

    /// <summary>bob's employee record in customer-service's demo data.</summary>
    public static readonly Guid BobEmployee = Guid.Parse("e0000000-0000-0000-0000-000000000002");

    public const string BobUserId = "d6f42c7f-bad2-53a9-9849-9004c1363fce";
    public const string CarolUserId = "538cd53a-4399-54c9-9f44-d4fd1d55d393";
    public const string DeviceUserId = "725177a8-2742-5ebe-85ba-6a59926dded7";

    public const string DeviceClientId = RealmClients.Device;
    public static readonly string DeviceClientSecret = RealmClients.DevelopmentSecret(DeviceClientId);
}
