namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The services by their service-discovery names (Aspire's <c>services__{name}__http__0</c>): one base address per
/// service, for every client of it.
/// </summary>
public static class ServiceAddresses
{
    public const string CustomerServiceName = "customer-service";
    public const string SecuritySystemServiceName = "security-system-service";
    public const string NotificationServiceName = "notification-service";

    public static readonly Uri CustomerService = For(CustomerServiceName);
    public static readonly Uri SecuritySystemService = For(SecuritySystemServiceName);
    public static readonly Uri NotificationService = For(NotificationServiceName);

    public static Uri For(string serviceName) => new($"http://{serviceName}");
}
