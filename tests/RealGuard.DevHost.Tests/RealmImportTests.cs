using System.Text.Json.Nodes;

namespace RealGuard.DevHost.Tests;

public sealed class RealmImportTests
{
    private static readonly Dictionary<string, string> Origins = new()
    {
        ["http://localhost:5080"] = "http://localhost:41234",
        ["http://localhost:5100"] = "http://localhost:41500",
    };

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:41234")]
    [InlineData("http://localhost:5080/*", "http://localhost:41234/*")]
    [InlineData("http://localhost:5080/bff/backchannel-logout", "http://localhost:41234/bff/backchannel-logout")]
    [InlineData("http://localhost:5100/signin http://localhost:5080", "http://localhost:41500/signin http://localhost:41234")]
    [InlineData("http://localhost:50800/*", "http://localhost:50800/*")]
    [InlineData("https://localhost:5080/*", "https://localhost:5080/*")]
    [InlineData("http://localhost:8080/realms/realguard", "http://localhost:8080/realms/realguard")]
    [InlineData("http://127.0.0.1:5080/*", "http://127.0.0.1:5080/*")]
    public void Only_the_literal_origins_are_replaced(string value, string expected) =>
        Assert.Equal(expected, RealmImport.ReplaceOrigins(value, Origins));

    [Fact]
    public void Every_string_of_the_realm_is_rewritten_and_nothing_else_changes()
    {
        var realm = JsonNode.Parse("""
            {
              "realm": "realguard",
              "accessTokenLifespan": 120,
              "clients": [
                {
                  "clientId": "realguard-web",
                  "rootUrl": "http://localhost:5080",
                  "redirectUris": [ "http://localhost:5080/signin-oidc", "http://localhost:5100/*" ],
                  "webOrigins": [ "+" ],
                  "attributes": { "backchannel.logout.url": "http://localhost:5080/bff/backchannel", "pkce.code.challenge.method": "S256" },
                  "publicClient": false
                }
              ]
            }
            """)!;

        RealmImport.RewriteOrigins(realm, Origins);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {
              "realm": "realguard",
              "accessTokenLifespan": 120,
              "clients": [
                {
                  "clientId": "realguard-web",
                  "rootUrl": "http://localhost:41234",
                  "redirectUris": [ "http://localhost:41234/signin-oidc", "http://localhost:41500/*" ],
                  "webOrigins": [ "+" ],
                  "attributes": { "backchannel.logout.url": "http://localhost:41234/bff/backchannel", "pkce.code.challenge.method": "S256" },
                  "publicClient": false
                }
              ]
            }
            """), realm), realm.ToJsonString());
    }

    [Fact]
    public void The_copy_is_written_under_the_original_name_with_adjustments_applied_after_rewriting()
    {
        var folder = Directory.CreateTempSubdirectory("realguard-devhost-tests-").FullName;
        try
        {
            var realmFile = Path.Combine(folder, "realm-export.json");
            File.WriteAllText(realmFile, """
                { "accessTokenLifespan": 120, "clients": [ { "clientId": "realguard-web", "redirectUris": [ "http://localhost:5080/*" ] } ] }
                """);

            var importPath = RealmImport.WriteCopy(realmFile, Path.Combine(folder, "import"), Origins, realm =>
            {
                realm["accessTokenLifespan"] = 5;
                realm.Client("realguard-web").Attributes()["backchannel.logout.url"] = "http://localhost:5080/logout";
            });

            Assert.Equal(Path.Combine(folder, "import"), importPath);
            var copy = JsonNode.Parse(File.ReadAllText(Path.Combine(importPath, "realm-export.json")))!;
            Assert.Equal(5, (int)copy["accessTokenLifespan"]!);
            Assert.Equal("http://localhost:41234/*", (string?)copy["clients"]![0]!["redirectUris"]![0]);
            Assert.Equal("http://localhost:5080/logout", (string?)copy["clients"]![0]!["attributes"]!["backchannel.logout.url"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_client_is_reported_by_its_id()
    {
        var realm = new JsonObject { ["clients"] = new JsonArray() };

        var error = Assert.Throws<ArgumentException>(() => realm.Client("nope"));

        Assert.Contains("'nope'", error.Message);
    }
}
