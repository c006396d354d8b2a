using System.Text.Json.Nodes;

namespace RealGuard.Testing.AppHost;

/// <summary>Small helpers for adjusting a realm export before a stack starts (see <see cref="RealGuardAppOptions.AdjustRealm"/>).</summary>
public static class RealmJson
{
    public static JsonObject Client(this JsonObject realm, string clientId) =>
        realm["clients"]?.AsArray().OfType<JsonObject>().FirstOrDefault(client => (string?)client["clientId"] == clientId)
        ?? throw new ArgumentException($"The realm has no client '{clientId}'.", nameof(clientId));

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
}
