using System.Text.Json.Nodes;
using RealGuard.ServiceDefaults;

namespace RealGuard.Gateway.Tests.Infrastructure;

/// <summary>
/// API clients the tests add to their copy of the realm (never to realm-export.json): confidential,
/// client credentials only, each for one kind of test so no test sees another's token requests or rate window.
/// </summary>
internal static class TestClients
{
    public const string Acme = RealmClients.AcmeIntegration;
    public static readonly string AcmeSecret = RealmClients.DevelopmentSecret(Acme);
    public const string Device = RealmClients.Device;
    public static readonly string DeviceSecret = RealmClients.DevelopmentSecret(Device);

    /// <summary>A REALGUARDIO_CUSTOMER_EMPLOYEE client whose tokens live one second.</summary>
    public const string ShortLived = "gateway-test-short-lived";

    /// <summary>A client whose tokens are not meant for realguard-api (no audience scope).</summary>
    public const string NoAudience = "gateway-test-no-audience";

    /// <summary>A REALGUARDIO_CUSTOMER_EMPLOYEE client no other test uses: its token requests are the burst test's alone.</summary>
    public const string Burst = "gateway-test-burst";

    /// <summary>A REALGUARDIO_CUSTOMER_EMPLOYEE client with a small rate limit (see <see cref="RateLimit"/>).</summary>
    public const string Limited = "gateway-test-limited";

    /// <summary>The limit the tests give <see cref="Limited"/>: requests per window.</summary>
    public const int RateLimit = 5;

    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(30);

    public static string SecretOf(string clientId) => RealmClients.DevelopmentSecret(clientId);

    public static void AddTo(JsonObject realm)
    {
        AddClient(realm, ShortLived, employee: true, lifespanSeconds: 1);
        AddClient(realm, NoAudience, employee: true, withApiAudience: false);
        AddClient(realm, Burst, employee: true);
        AddClient(realm, Limited, employee: true);
    }

    private static void AddClient(JsonObject realm, string clientId, bool employee, bool withApiAudience = true, int? lifespanSeconds = null)
    {
        var clients = realm["clients"]!.AsArray();
        var client = clients.Single(existing => (string?)existing!["clientId"] == Acme)!.DeepClone().AsObject();
        client["id"] = Guid.NewGuid().ToString();
        client["clientId"] = clientId;
        client["name"] = clientId;
        client["secret"] = SecretOf(clientId);
        if (lifespanSeconds is { } lifespan)
        {
            client["attributes"]!["access.token.lifespan"] = lifespan.ToString();
        }

        if (!withApiAudience)
        {
            var scopes = client["defaultClientScopes"]!.AsArray();
            scopes.Remove(scopes.Single(scope => (string?)scope == "realguard-api-audience"));
        }

        clients.Add(client);

        JsonArray roles = ["default-roles-realguard"];
        if (employee)
        {
            roles.Add("REALGUARDIO_CUSTOMER_EMPLOYEE");
        }

        realm["users"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["username"] = "service-account-" + clientId,
            ["enabled"] = true,
            ["serviceAccountClientId"] = clientId,
            ["credentials"] = new JsonArray(),
            ["realmRoles"] = roles,
        });
    }
}
