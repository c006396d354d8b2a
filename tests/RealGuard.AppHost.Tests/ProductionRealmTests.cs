using System.Text.Json.Nodes;
using RealGuard.AppHost.Tests.Infrastructure;


namespace RealGuard.AppHost.Tests;

/// <summary>deploy/keycloak/realguard-realm.json: the realm the deployed Keycloak imports.</summary>
public sealed class ProductionRealmTests
{
    private const string UpdateVariable = "REALGUARD_UPDATE_PRODUCTION_REALM";

    private static readonly string RealmExportText = Repository.Read(RepositoryPaths.RealmExport);
    private static readonly string TemplateText = Repository.Read(RepositoryPaths.ProductionRealm);

    /// <summary>What the AppHost gives the deployed Keycloak, with made-up values.</summary>
    private static readonly IReadOnlyDictionary<string, string> DeployedEnvironment =
        RealmClients.Confidential.ToDictionary(ProductionRealm.ClientSecretVariable, clientId => $"deployed-secret-of-{clientId}")
            .Concat(ProductionRealm.PublicParts.Keys.ToDictionary(ProductionRealm.OriginVariable, part => $"https://{part}.realguard-aca.example.azurecontainerapps.io"))
            .ToDictionary();

    private static JsonObject RealmExport => Parse(RealmExportText);

    private static JsonObject DeployedRealm => Parse(KeycloakPlaceholders.Resolve(TemplateText, DeployedEnvironment));

    [Fact]
    public void Template_is_the_one_generated_from_realm_export()
    {
        var generated = ProductionRealmTemplate.Generate(RealmExportText);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Repository.PathOf(RepositoryPaths.ProductionRealm), generated);
            return;
        }

        Assert.True(
            generated == TemplateText.ReplaceLineEndings("\n"),
            $"{RepositoryPaths.ProductionRealm} is out of date with {RepositoryPaths.RealmExport}. Regenerate it: " +
            $"{UpdateVariable}=1 dotnet test tests/RealGuard.AppHost.Tests --filter {nameof(Template_is_the_one_generated_from_realm_export)}");
    }

    [Fact]
    public void Deployed_realm_has_the_clients_of_realm_export_with_deployed_secrets_and_urls()
    {
        var expected = ProductionRealmTemplate.Clients(RealmExport).ToDictionary(client => (string)client["clientId"]!);
        var deployed = ProductionRealmTemplate.Clients(DeployedRealm).ToDictionary(client => (string)client["clientId"]!);

        Assert.Equal(expected.Keys.Order(), deployed.Keys.Order());
        foreach (var (clientId, client) in expected)
        {
            var expectedClient = (JsonObject)client.DeepClone();
            ProductionRealmTemplate.ReplaceStrings(expectedClient, value => KeycloakPlaceholders.Resolve(ProductionRealmTemplate.ReplaceLocalOrigins(value), DeployedEnvironment));
            if (expectedClient["secret"] is not null)
            {
                expectedClient["secret"] = DeployedEnvironment[ProductionRealm.ClientSecretVariable(clientId)];
            }

            Assert.True(JsonNode.DeepEquals(expectedClient, deployed[clientId]), $"Client '{clientId}' differs from realm-export.json beyond its secret and URLs.");
        }
    }

    [Fact]
    public void Web_app_logs_in_and_out_at_its_deployed_address()
    {
        var web = ProductionRealmTemplate.Clients(DeployedRealm).Single(client => (string?)client["clientId"] == RealmClients.Web);
        var origin = DeployedEnvironment[ProductionRealm.OriginVariable(StackResources.Web)];

        Assert.Equal([$"{origin}/signin-oidc"], web["redirectUris"]!.AsArray().Select(uri => (string)uri!));
        Assert.Equal([origin], web["webOrigins"]!.AsArray().Select(uri => (string)uri!));
        Assert.Equal($"{origin}/signout-callback-oidc", (string?)web["attributes"]!["post.logout.redirect.uris"]);
        Assert.Equal($"{origin}/backchannel-logout", (string?)web["attributes"]!["backchannel.logout.url"]);
        Assert.Equal(DeployedEnvironment[ProductionRealm.ClientSecretVariable(RealmClients.Web)], (string?)web["secret"]);
        Assert.DoesNotContain("localhost", DeployedRealm.ToJsonString());
    }

    [Theory]
    [InlineData("roles")]
    [InlineData("groups")]
    [InlineData("defaultRole")]
    [InlineData("clientScopes")]
    [InlineData("defaultDefaultClientScopes")]
    [InlineData("defaultOptionalClientScopes")]
    [InlineData("scopeMappings")]
    [InlineData("clientScopeMappings")]
    [InlineData("accessTokenLifespan")]
    [InlineData("ssoSessionIdleTimeout")]
    [InlineData("sslRequired")]
    [InlineData("registrationAllowed")]
    public void Deployed_realm_keeps_the_roles_scopes_and_settings_of_realm_export(string property) =>
        Assert.True(JsonNode.DeepEquals(RealmExport[property], DeployedRealm[property]), $"'{property}' differs from realm-export.json.");

    [Fact]
    public void Deployed_realm_changes_nothing_else_but_users_clients_and_brute_force_protection()
    {
        string[] changed = ["users", "clients", "bruteForceProtected"];
        var export = RealmExport;
        var deployed = DeployedRealm;

        Assert.Equal(export.Select(property => property.Key), deployed.Select(property => property.Key));
        Assert.All(
            export.Where(property => !changed.Contains(property.Key)),
            property => Assert.True(JsonNode.DeepEquals(property.Value, deployed[property.Key]), $"'{property.Key}' differs."));
        Assert.True((bool)deployed["bruteForceProtected"]!);
    }

    [Fact]
    public void Deployed_realm_has_no_demo_user_password_or_development_secret()
    {
        var users = ProductionRealmTemplate.Users(DeployedRealm).ToList();

        Assert.All(users, user => Assert.True(ProductionRealmTemplate.IsServiceAccount(user), $"'{user["username"]}' is not a service account."));
        Assert.All(users, user => Assert.Empty(user["credentials"]?.AsArray() ?? []));
        Assert.DoesNotContain("-dev-secret", TemplateText);
        Assert.DoesNotContain("-dev-password", TemplateText);
        Assert.DoesNotContain(DemoUsers.All, demo => users.Any(user => (string?)user["username"] == demo.UserName));
    }

    [Fact]
    public void Service_accounts_keep_their_roles()
    {
        var expected = ProductionRealmTemplate.Users(RealmExport).Where(ProductionRealmTemplate.IsServiceAccount).ToList();
        var deployed = ProductionRealmTemplate.Users(DeployedRealm).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, deployed.Count);
        Assert.All(expected.Zip(deployed), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"'{pair.First["username"]}' differs."));
    }

    [Fact]
    public void Every_client_secret_is_a_placeholder_the_AppHost_sets()
    {
        var template = Parse(TemplateText);
        var secrets = ProductionRealmTemplate.Clients(template)
            .Where(client => client["secret"] is not null)
            .ToDictionary(client => (string)client["clientId"]!, client => (string)client["secret"]!);

        Assert.Equal(RealmClients.Confidential.Order(), secrets.Keys.Order());
        Assert.All(secrets, secret => Assert.Equal(ProductionRealm.Placeholder(ProductionRealm.ClientSecretVariable(secret.Key)), secret.Value));
    }

    [Fact]
    public void Every_placeholder_is_one_the_AppHost_sets_or_one_of_Keycloaks_own()
    {
        var keycloaksOwn = KeycloakPlaceholders.Names(RealmExportText);
        var unknown = KeycloakPlaceholders.Names(TemplateText)
            .Where(name => !ProductionRealm.Variables.Contains(name) && !keycloaksOwn.Contains(name))
            .ToList();

        Assert.Empty(unknown);
        Assert.DoesNotContain(keycloaksOwn, ProductionRealm.IsRealGuardPlaceholder);
    }

    [Fact]
    public void Realm_export_secrets_are_the_development_secrets_the_AppHost_uses_locally()
    {
        var secrets = ProductionRealmTemplate.Clients(RealmExport)
            .Where(client => client["secret"] is not null)
            .ToDictionary(client => (string)client["clientId"]!, client => (string)client["secret"]!);

        Assert.Equal(RealmClients.Confidential.Order(), secrets.Keys.Order());
        Assert.All(secrets, secret => Assert.Equal(RealmClients.DevelopmentSecret(secret.Key), secret.Value));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
