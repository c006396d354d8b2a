using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RealGuard.Testing.AppHost;

/// <summary>The realm a test's identity provider imports: realm-export.json following the ports the test runs on.</summary>
public static class RealmCopy
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Writes realm-export.json into <paramref name="folder"/> with each origin (<c>http://localhost:5080</c>) turned into
    /// the test's (back-channel logout URL) or joined by it (redirect URIs, web origins), and <paramref name="adjust"/>
    /// applied; returns the folder, the identity provider's import path.
    /// </summary>
    public static string Write(string realmFile, string folder, IReadOnlyDictionary<string, string> origins, Action<JsonObject>? adjust)
    {
        var realm = JsonNode.Parse(File.ReadAllText(realmFile))?.AsObject()
            ?? throw new InvalidOperationException($"{realmFile} holds no realm.");
        var rewritten = (JsonObject)Rewrite(realm, origins.Where(o => o.Key != o.Value).ToList())!;
        adjust?.Invoke(rewritten);

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(realmFile)), rewritten.ToJsonString(Indented));
        return folder;
    }

    /// <summary>Replaces an origin only where it is one: <c>http://localhost:5080</c>, not <c>http://localhost:50800</c>.</summary>
    public static string ReplaceOrigins(string value, IEnumerable<KeyValuePair<string, string>> origins) =>
        origins.Aggregate(value, (text, origin) =>
            Regex.Replace(text, Regex.Escape(origin.Key) + "(?![0-9])", origin.Value.Replace("$", "$$")));

    private static JsonNode? Rewrite(JsonNode? node, IReadOnlyList<KeyValuePair<string, string>> origins) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Rewrite(p.Value, origins)))),
        // Lists (redirect URIs, web origins) keep the local-run entries beside the test's: a client that only builds a
        // redirect URI without listening on it (UserTokens) may go on naming http://localhost:5080.
        JsonArray array => new JsonArray([.. array.SelectMany(item => Rewritten(item, origins))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(ReplaceOrigins(text, origins)),
        _ => node?.DeepClone(),
    };

    private static IEnumerable<JsonNode?> Rewritten(JsonNode? item, IReadOnlyList<KeyValuePair<string, string>> origins)
    {
        var rewritten = Rewrite(item, origins);
        if (item is JsonValue value && value.TryGetValue<string>(out var text) && text != rewritten!.GetValue<string>())
        {
            yield return JsonValue.Create(text);
        }

        yield return rewritten;
    }
}
