namespace RealGuard.CustomerService.Tests.Infrastructure;

/// <summary>The demo data (docs/api.md) the stack's customer-service starts with.</summary>
public static class Demo
{
    public const string Acme = "a0000000-0000-0000-0000-000000000001";
    public const string Globex = "a0000000-0000-0000-0000-000000000002";
    public const string AcmeHq = "b0000000-0000-0000-0000-000000000001";
    public const string GlobexLab = "b0000000-0000-0000-0000-000000000002";
    public const string BobUserId = "d6f42c7f-bad2-53a9-9849-9004c1363fce";
    public const string CarolUserId = "538cd53a-4399-54c9-9f44-d4fd1d55d393";
    public const string DaveUserId = "47a21d8a-6066-59cd-bd99-1af49ac09975";

    /// <summary>An address no one has yet: the IAM username of a person a test creates.</summary>
    public static string NewEmail(string name) => $"{name}.{Guid.NewGuid():N}@tests.example";
}
