using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RealGuard.AppHost.Tests.Infrastructure;

/// <summary>
/// Makes deploy/keycloak/realguard-realm.json from realm-export.json: the same realm without the demo users
/// (service-account users stay: they carry the services' roles), with brute-force protection on, and with every
/// client secret and every local origin of a public part replaced by a <c>${REALGUARD_...}</c> placeholder.
/// </summary>
internal static class ProductionRealmTemplate
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep '+', '<', '&' readable: this file is read by Keycloak and by people, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Generate(string realmExportJson)
    {
        var realm = JsonNode.Parse(realmExportJson)?.AsObject()
            ?? throw new InvalidOperationException("realm-export.json holds no realm.");

        realm["bruteForceProtected"] = true;
        realm["users"] = new JsonArray(Users(realm).Where(IsServiceAccount).Select(user => user.DeepClone()).ToArray());

        foreach (var client in Clients(realm).Where(client => client["secret"] is not null))
        {
            client["secret"] = ProductionRealm.Placeholder(ProductionRealm.ClientSecretVariable((string)client["clientId"]!));
        }

        ReplaceStrings(realm, ReplaceLocalOrigins);
        return realm.ToJsonString(Indented) + "\n";
    }

    /// <summary><c>http://localhost:5080/signin-oidc</c> → <c>${REALGUARD_WEB_URL}/signin-oidc</c>; not <c>:50800</c>.</summary>
    public static string ReplaceLocalOrigins(string value) =>
        ProductionRealm.PublicParts.Aggregate(value, (text, part) => Regex.Replace(
            text,
            Regex.Escape(ProductionRealm.LocalOrigin(part.Value)) + "(?![0-9])",
            ProductionRealm.Placeholder(ProductionRealm.OriginVariable(part.Key)).Replace("$", "$$")));

    public static IEnumerable<JsonObject> Clients(JsonObject realm) => realm["clients"]!.AsArray().OfType<JsonObject>();

    public static IEnumerable<JsonObject> Users(JsonObject realm) => realm["users"]?.AsArray().OfType<JsonObject>() ?? [];

    public static bool IsServiceAccount(JsonObject user) => user["serviceAccountClientId"] is not null;

    /// <summary>Applies <paramref name="replace"/> to every string value in the tree, in place.</summary>
    public static void ReplaceStrings(JsonNode node, Func<string, string> replace)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    Replace(child, replace, replacement => obj[key] = replacement);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    Replace(array[i], replace, replacement => array[index] = replacement);
                }

                break;
        }
    }

    private static void Replace(JsonNode? child, Func<string, string> replace, Action<JsonNode> set)
    {
        if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var replaced = replace(text);
            if (replaced != text)
            {
                set(JsonValue.Create(replaced));
            }
        }
        else if (child is not null)
        {
            ReplaceStrings(child, replace);
        }
    }
}
