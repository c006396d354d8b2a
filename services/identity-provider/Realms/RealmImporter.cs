using System.Text.Json;
using System.Text.RegularExpressions;

namespace RealGuard.IdentityProvider.Realms;

/// <summary>
/// Reads realm exports the way Keycloak's <c>--import-realm</c> does: every <c>*.json</c> file of a folder
/// (or one file), realms as an object or an array, and users kept apart in <c>&lt;realm&gt;-users-N.json</c>.
/// </summary>
public static partial class RealmImporter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<Realm> Import(string path, ILogger logger)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"No realm file or folder at '{path}'.", path);

        var realms = new List<RealmRepresentation>();
        var userFiles = new List<UsersFileRepresentation>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (UsersFileName().IsMatch(Path.GetFileName(file)))
            {
                userFiles.Add(document.Deserialize<UsersFileRepresentation>(JsonOptions)!);
                continue;
            }

            var found = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.Deserialize<List<RealmRepresentation>>(JsonOptions)!,
                JsonValueKind.Object when document.RootElement.TryGetProperty("realm", out _) => [document.Deserialize<RealmRepresentation>(JsonOptions)!],
                _ => [],
            };
            if (found.Count == 0)
            {
                logger.LogWarning("Skipped {File}: not a realm export", Path.GetFileName(file));
            }
            realms.AddRange(found.Where(r => !string.IsNullOrEmpty(r.Realm)));
        }

        foreach (var usersFile in userFiles)
        {
            var realm = realms.FirstOrDefault(r => r.Realm == usersFile.Realm);
            if (realm is null)
            {
                logger.LogWarning("Skipped users of unknown realm {Realm}", usersFile.Realm);
                continue;
            }
            (realm.Users ??= []).AddRange(usersFile.Users ?? []);
        }

        var imported = realms.Select(r => new Realm(r)).ToList();
        foreach (var realm in imported)
        {
            logger.LogInformation("Imported realm {Realm}: {Clients} clients, {Users} users", realm.Name, realm.Clients.Count, realm.Users.Count);
        }
        return imported;
    }

    [GeneratedRegex(@"-users-\d+\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex UsersFileName();
}
