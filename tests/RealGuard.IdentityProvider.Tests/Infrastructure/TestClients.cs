using RealGuard.AppHost;
using RealGuard.Testing.AppHost;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>A client of realm-export.json as a test uses it.</summary>
public sealed record TestClient(string ClientId, string? Secret, string RedirectUri = "", string? PostLogoutRedirectUri = null);

/// <summary>The realm's clients, users and ids the tests rely on (realm-export.json).</summary>
public static class TestClients
{
    public static readonly TestClient Web = new("realguard-web", "realguard-web-dev-secret",
        "http://localhost:5080/signin-oidc", "http://localhost:5080/signout-callback-oidc");

    public static readonly TestClient Mobile = new("realguard-mobile", null, "realguard://callback", "realguard://logout");

    public static readonly TestClient Acme = new("acme-integration", "acme-integration-dev-secret");

    public static readonly TestClient CustomerService = new("customer-service", "customer-service-dev-secret");

    public const string ApiAudience = "realguard-api";
    public const string EmployeeRole = "REALGUARDIO_CUSTOMER_EMPLOYEE";

    public static DemoUser Bob => DemoUsers.Bob;
    public const string BobId = "d6f42c7f-bad2-53a9-9849-9004c1363fce";
    public const string AcmeServiceAccountId = "2d79c036-a85a-5587-84c5-ee525e038e3a";
}
