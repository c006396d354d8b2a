using System.Text.Json.Nodes;
using RealGuard.Testing.AppHost;

namespace RealGuard.AppHost.Tests;

/// <summary>The demo users the AppHost's banner (and the README) promise are the ones realm-export.json creates.</summary>
public sealed class DemoUserTests
{
    private static readonly JsonArray RealmUsers =
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(RepositoryPaths.RealmExport)))!["users"]!.AsArray();

    [Fact]
    public void Every_person_of_the_realm_is_a_demo_user_with_the_password_the_realm_gives_them()
    {
        var people = RealmUsers.OfType<JsonObject>()
            .Where(user => user["serviceAccountClientId"] is null)
            .ToDictionary(user => (string)user["username"]!, user => user["credentials"]!.AsArray().Select(c => (string?)c!["value"]).Single());

        Assert.Equal(people.Keys.Order(), DemoUsers.All.Select(user => user.UserName).Order());
        Assert.All(DemoUsers.All, user => Assert.Equal(people[user.UserName], user.Password));
    }

    [Fact]
    public void The_README_lists_every_demo_user_with_their_password()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

        Assert.All(DemoUsers.All, user => Assert.Contains($"| `{user.UserName}` | `{user.Password}` |", readme));
    }
}
