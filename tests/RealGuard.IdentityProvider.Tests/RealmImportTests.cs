using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using RealGuard.Testing.AppHost;
using RealGuard.IdentityProvider.Tests.Infrastructure;
using static RealGuard.IdentityProvider.Tests.Infrastructure.TestClients;

namespace RealGuard.IdentityProvider.Tests;

/// <summary>
/// An import folder as Keycloak's <c>--import-realm</c> reads it: realm-export.json, two real Keycloak exports
/// (24.0.5 and 19.0.1) and a users file <c>realguard-users-0.json</c> with one more user, stored as Keycloak exports
/// users (a PBKDF2 hash, not a password).
/// </summary>
public sealed class RealmImportFixture : IAsyncLifetime
{
    public const string ExtraUser = "imported-ivan";
    public const string ExtraUserPassword = "ivan-import-password";
    public const string ExtraUserId = "0b5f7f0e-5d3c-4a43-9a59-1b2a3c4d5e6f";

    private readonly string importFolder = Path.Combine(Path.GetTempPath(), "realguard-idp-tests", "import-" + Guid.NewGuid().ToString("N")[..12]);

    public TestIdentityProvider? Idp { get; private set; }

    public string ImportFolder => importFolder;

    public async Task InitializeAsync()
    {
        if (RepositoryPaths.KeycloakReference is not { } reference)
        {
            return; // the tests are skipped
        }

        Directory.CreateDirectory(importFolder);
        File.Copy(RepositoryPaths.RealmFile, Path.Combine(importFolder, "realm-export.json"));
        File.Copy(Path.Combine(reference, "weathershop-realm.json"), Path.Combine(importFolder, "weathershop-realm.json"));
        File.Copy(Path.Combine(reference, "test-realm-kc19.json"), Path.Combine(importFolder, "test-realm-kc19.json"));
        File.WriteAllText(Path.Combine(importFolder, "realguard-users-0.json"), UsersFile());

        Idp = await TestIdentityProvider.StartAsync(configure: options =>
            options.WithEnvironment(RealGuard.AppHost.StackResources.Keycloak, RealGuard.AppHost.StackConfigKeys.IdentityProviderImportPath, importFolder));
    }

    public async Task DisposeAsync()
    {
        if (Idp is not null)
        {
            await Idp.DisposeAsync();
        }
        if (Directory.Exists(importFolder))
        {
            Directory.Delete(importFolder, recursive: true);
        }
    }

    public static string RealmNameOf(string file) =>
        JsonNode.Parse(File.ReadAllText(file))!["realm"]!.GetValue<string>();

    // Keycloak's users file: {"realm": ..., "users": [...]}, credentials as pbkdf2-sha256 hash + salt.
    private static string UsersFile()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(ExtraUserPassword), salt, 27500, HashAlgorithmName.SHA256, 64);
        var users = new JsonObject
        {
            ["realm"] = "realguard",
            ["users"] = new JsonArray(new JsonObject
            {
                ["id"] = ExtraUserId,
                ["username"] = ExtraUser,
                ["firstName"] = "Ivan",
                ["lastName"] = "Imported",
                ["email"] = "ivan@acme.example",
                ["emailVerified"] = true,
                ["enabled"] = true,
                ["createdTimestamp"] = 1795305600000,
                ["totp"] = false,
                ["credentials"] = new JsonArray(new JsonObject
                {
                    ["id"] = "5a1f3c8e-0d1b-4a6e-9c1e-2f3a4b5c6d7e",
                    ["type"] = "password",
                    ["userLabel"] = "My password",
                    ["createdDate"] = 1795305600000,
                    ["secretData"] = JsonSerializer.Serialize(new { value = Convert.ToBase64String(hash), salt = Convert.ToBase64String(salt), additionalParameters = new { } }),
                    ["credentialData"] = JsonSerializer.Serialize(new { hashIterations = 27500, algorithm = "pbkdf2-sha256", additionalParameters = new { } }),
                }),
                ["disableableCredentialTypes"] = new JsonArray(),
                ["requiredActions"] = new JsonArray(),
                ["realmRoles"] = new JsonArray("default-roles-realguard", EmployeeRole),
                ["notBefore"] = 0,
                ["groups"] = new JsonArray(),
            }),
        };
        return users.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

public sealed class RealmImportTests(RealmImportFixture fixture) : IClassFixture<RealmImportFixture>
{
    private TestIdentityProvider Idp => fixture.Idp!;

    [KeycloakReferenceTheory]
    [InlineData("realm-export.json")]
    [InlineData("weathershop-realm.json")]
    [InlineData("test-realm-kc19.json")]
    public async Task Each_imported_realm_serves_its_discovery_document_and_keys(string file)
    {
        var realm = RealmImportFixture.RealmNameOf(Path.Combine(fixture.ImportFolder, file));

        using var response = await Idp.Http.GetAsync($"/realms/{Uri.EscapeDataString(realm)}/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Idp.Authority(realm), document.RootElement.GetProperty("issuer").GetString());
        Assert.Equal($"{Idp.Authority(realm)}/protocol/openid-connect/token", document.RootElement.GetProperty("token_endpoint").GetString());
        using var jwks = JsonDocument.Parse(await Idp.Http.GetStringAsync(document.RootElement.GetProperty("jwks_uri").GetString()));
        Assert.NotEmpty(jwks.RootElement.GetProperty("keys").EnumerateArray());
    }

    [KeycloakReferenceFact]
    public void The_reference_realms_are_WeatherShop_and_the_Keycloak_19_test_realm()
    {
        Assert.Equal("WeatherShop", RealmImportFixture.RealmNameOf(Path.Combine(fixture.ImportFolder, "weathershop-realm.json")));
        Assert.False(string.IsNullOrEmpty(RealmImportFixture.RealmNameOf(Path.Combine(fixture.ImportFolder, "test-realm-kc19.json"))));
    }

    [KeycloakReferenceFact]
    public async Task The_user_from_the_users_file_logs_in_with_the_hashed_password()
    {
        var oidc = new Oidc(Idp, await Idp.DiscoverAsync());
        using var browser = oidc.NewBrowser();

        var login = await oidc.LoginAsync(browser, RealmImportFixture.ExtraUser, RealmImportFixture.ExtraUserPassword);

        Assert.Equal(RealmImportFixture.ExtraUserId, login.AccessToken.String("sub"));
        Assert.Equal(RealmImportFixture.ExtraUser, login.AccessToken.String("preferred_username"));
        Assert.Equal("Ivan Imported", login.AccessToken.String("name"));
        Assert.Contains(EmployeeRole, login.AccessToken.Roles("realm_access.roles"));
    }

    [KeycloakReferenceFact]
    public async Task The_realm_file_users_still_log_in_beside_the_users_file()
    {
        var oidc = new Oidc(Idp, await Idp.DiscoverAsync());
        using var browser = oidc.NewBrowser();

        var login = await oidc.LoginAsync(browser, Bob);

        Assert.Equal(BobId, login.AccessToken.String("sub"));
    }

    [KeycloakReferenceFact]
    public async Task A_client_of_an_imported_Keycloak_realm_is_known_to_the_login_flow()
    {
        // WeatherShop's WeatherWeb client: an authorize request with a made-up redirect URI is refused with the
        // error page (the client is known; its URIs are checked), never a 500.
        using var response = await Idp.Http.GetAsync(
            "/realms/WeatherShop/protocol/openid-connect/auth?client_id=WeatherWeb&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
