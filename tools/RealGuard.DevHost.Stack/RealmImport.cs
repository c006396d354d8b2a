using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RealGuard.DevHost;

/// <summary>The realm the identity provider imports, following the ports a stack actually runs on.</summary>
internal static class RealmImport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Writes a copy of <paramref name="realmFile"/> into <paramref name="importFolder"/> with the given origins
    /// replaced and <paramref name="adjust"/> applied; returns the folder, the identity provider's import path.
    /// </summary>
    public static string WriteCopy(
        string realmFile,
        string importFolder,
        IReadOnlyDictionary<string, string> origins,
        Action<JsonObject>? adjust)
    {
        var realm = JsonNode.Parse(File.ReadAllText(realmFile))?.AsObject()
            ?? throw new InvalidOperationException($"{realmFile} holds no realm.");

        RewriteOrigins(realm, origins);
        adjust?.Invoke(realm);

        Directory.CreateDirectory(importFolder);
        File.WriteAllText(Path.Combine(importFolder, Path.GetFileName(realmFile)), realm.ToJsonString(Indented));
        return importFolder;
    }

    /// <summary>Replaces each origin in every string value of the realm, in place.</summary>
    public static void RewriteOrigins(JsonNode realm, IReadOnlyDictionary<string, string> origins)
    {
        var changed = origins.Where(origin => origin.Key != origin.Value).ToList();
        if (changed.Count > 0)
        {
            Rewrite(realm, changed);
        }
    }

    /// <summary>Replaces an origin only where it is one: <c>http://localhost:5080</c>, not <c>http://localhost:50800</c>.</summary>
    public static string ReplaceOrigins(string value, IEnumerable<KeyValuePair<string, string>> origins) =>
        origins.Aggregate(value, (text, origin) =>
            Regex.Replace(text, Regex.Escape(origin.Key) + "(?![0-9])", origin.Value.Replace("$", "$$")));

    private static void Rewrite(JsonNode node, IReadOnlyList<KeyValuePair<string, string>> origins)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    Replace(child, origins, replacement => obj[key] = replacement);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    Replace(array[i], origins, replacement => array[index] = replacement);
                }

                break;
        }
    }

    private static void Replace(JsonNode? child, IReadOnlyList<KeyValuePair<string, string>> origins, Action<JsonNode> replace)
    {
        if (child is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var rewritten = ReplaceOrigins(text, origins);
            if (rewritten != text)
            {
                replace(JsonValue.Create(rewritten));
            }
        }
        else if (child is not null)
        {
            Rewrite(child, origins);
        }
    }
}
