using System.Security.Cryptography;
using System.Text;
using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Users;

/// <summary>A user of a realm: imported from the realm export or created through the admin API.</summary>
public sealed record UserAccount
{
    public required string Realm { get; init; }
    public required string Id { get; init; }
    public required string Username { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public bool Enabled { get; init; } = true;
    public bool EmailVerified { get; init; }
    public long CreatedTimestamp { get; init; }
    public string? ServiceAccountClientId { get; init; }
    public PasswordCredential? Password { get; init; }
    /// <summary>Earlier passwords, newest first, as many as the realm's <c>passwordHistory</c> policy needs.</summary>
    public IReadOnlyList<PasswordCredential> PasswordHistory { get; init; } = [];
    public IReadOnlyList<string> RealmRoles { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClientRoles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? FullName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : null;

    public static UserAccount FromRepresentation(string realm, UserRepresentation user) => new()
    {
        Realm = realm,
        Id = user.Id ?? DeterministicId(realm, user.Username!),
        // Keycloak stores usernames in lower case.
        Username = user.Username!.ToLowerInvariant(),
        Email = user.Email?.ToLowerInvariant(),
        FirstName = user.FirstName,
        LastName = user.LastName,
        Enabled = user.Enabled ?? true,
        EmailVerified = user.EmailVerified ?? false,
        CreatedTimestamp = user.CreatedTimestamp ?? 0,
        ServiceAccountClientId = user.ServiceAccountClientId,
        Password = (user.Credentials ?? []).Where(c => c.Type == "password").Select(PasswordCredential.FromRepresentation).FirstOrDefault(p => p is not null),
        RealmRoles = user.RealmRoles ?? [],
        ClientRoles = (user.ClientRoles ?? []).ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value),
        Attributes = (user.Attributes ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value),
    };

    public static UserAccount ServiceAccountFor(string realm, string clientId) => new()
    {
        Realm = realm,
        Id = DeterministicId(realm, "service-account-" + clientId),
        Username = ("service-account-" + clientId).ToLowerInvariant(),
        ServiceAccountClientId = clientId,
    };

    private static string DeterministicId(string realm, string username)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(realm + "/" + username));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
