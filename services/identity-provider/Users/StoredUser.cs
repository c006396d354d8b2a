using System.Text.Json;

namespace RealGuard.IdentityProvider.Users;

/// <summary>
/// A user row: created through the admin API, or an imported user changed through it
/// (the row then takes precedence over the realm file, which is never rewritten).
/// </summary>
public sealed class StoredUser
{
    public required string Id { get; set; }
    public required string Realm { get; set; }
    public required string Username { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool Enabled { get; set; }
    public bool EmailVerified { get; set; }
    public long CreatedTimestamp { get; set; }
    public string? Password { get; set; }
    public string RealmRoles { get; set; } = "[]";
    public string ClientRoles { get; set; } = "{}";

    public UserAccount ToAccount()
    {
        var (password, history) = PasswordCredential.FromJson(Password);
        return new()
        {
            Realm = Realm,
            Id = Id,
            Username = Username,
            Email = Email,
            FirstName = FirstName,
            LastName = LastName,
            Enabled = Enabled,
            EmailVerified = EmailVerified,
            CreatedTimestamp = CreatedTimestamp,
            Password = password,
            PasswordHistory = history,
            RealmRoles = JsonSerializer.Deserialize<List<string>>(RealmRoles) ?? [],
            ClientRoles = (JsonSerializer.Deserialize<Dictionary<string, List<string>>>(ClientRoles) ?? [])
                .ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value),
        };
    }

    public void CopyFrom(UserAccount account)
    {
        Username = account.Username;
        Email = account.Email;
        FirstName = account.FirstName;
        LastName = account.LastName;
        Enabled = account.Enabled;
        EmailVerified = account.EmailVerified;
        CreatedTimestamp = account.CreatedTimestamp;
        Password = account.Password is null ? null : PasswordCredential.ToJson(account.Password, account.PasswordHistory);
        RealmRoles = JsonSerializer.Serialize(account.RealmRoles);
        ClientRoles = JsonSerializer.Serialize(account.ClientRoles);
    }

    public static StoredUser From(UserAccount account)
    {
        var stored = new StoredUser { Id = account.Id, Realm = account.Realm, Username = account.Username };
        stored.CopyFrom(account);
        return stored;
    }
}
