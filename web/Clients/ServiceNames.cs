namespace RealGuard.Web.Clients;

/// <summary>The services the web app calls, by their service-discovery names (<c>services__{name}__http__0</c>).</summary>
public static class ServiceNames
{
    public const string CustomerService = ServiceAddresses.CustomerServiceName;
    public const string SecuritySystemService = ServiceAddresses.SecuritySystemServiceName;
    public const string NotificationService = ServiceAddresses.NotificationServiceName;

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CustomerService, SecuritySystemService, NotificationService,
    };

    public static Uri BaseAddress(string service) => ServiceAddresses.For(service);
}
