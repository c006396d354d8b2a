namespace RealGuard.Web.Clients;

/// <summary>The services the web app calls, by their service-discovery names (<c>services__{name}__http__0</c>).</summary>
public static class ServiceNames
{
    public const string CustomerService = "customer-service";
    public const string SecuritySystemService = "security-system-service";
    public const string NotificationService = "notification-service";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CustomerService, SecuritySystemService, NotificationService,
    };

    public static Uri BaseAddress(string service) => new($"http://{service}");
}
