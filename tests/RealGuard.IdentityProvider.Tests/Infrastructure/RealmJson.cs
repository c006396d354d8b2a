using System.Text.Json.Nodes;

namespace RealGuard.IdentityProvider.Tests.Infrastructure;

/// <summary>Small helpers for adjusting the realm export before a test's identity provider imports it.</summary>
public static class RealmJson
{
    public static JsonObject Client(this JsonObject realm, string clientId) =>
        realm["clients"]?.AsArray().OfType<JsonObject>().FirstOrDefault(client => (string?)client["clientId"] == clientId)
        ?? throw new ArgumentException($"The realm has no client '{clientId}'.", nameof(clientId));

    public static JsonObject User(this JsonObject realm, string username) =>
        realm["users"]?.AsArray().OfType<JsonObject>().FirstOrDefault(user => (string?)user["username"] == username)
        ?? throw new ArgumentException($"The realm has no user '{username}'.", nameof(username));

    /// <summary>The <c>attributes</c> object of a realm or client, created when missing.</summary>
    public static JsonObject Attributes(this JsonObject owner)
    {
        if (owner["attributes"] is JsonObject attributes)
        {
            return attributes;
        }

        attributes = [];
        owner["attributes"] = attributes;
        return attributes;
    }

    /// <summary>Writes realm-export.json, adjusted, into <paramref name="folder"/>; returns the file's path.</summary>
    public static string WriteCopy(string folder, Action<JsonObject>? adjust)
    {
        var realm = JsonNode.Parse(File.ReadAllText(RepositoryPaths.RealmFile))!.AsObject();
        adjust?.Invoke(realm);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "realm-export.json");
        File.WriteAllText(path, realm.ToJsonString());
        return path;
    }
}
