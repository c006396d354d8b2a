using RealGuard.IdentityProvider.Realms;

namespace RealGuard.IdentityProvider.Users;

public enum LoginOutcome
{
    Success,
    InvalidCredentials,
    AccountDisabled,
}

public sealed record LoginResult(LoginOutcome Outcome, UserAccount? User = null);

/// <summary>
/// A username (or e-mail) and password checked as Keycloak's username-password form checks them: an unknown user costs a
/// hash like a known one (no enumeration by timing); a user locked by brute-force detection gets the same answer as a wrong
/// password; a disabled account is named only to whoever typed its right password.
/// </summary>
public sealed class PasswordLogin(UserDirectory users, BruteForceProtector bruteForce)
{
    public async Task<LoginResult> AuthenticateAsync(Realm realm, string login, string password, string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        var user = string.IsNullOrWhiteSpace(login) ? null : await users.FindByUsernameOrEmailAsync(realm, login, cancellationToken);
        if (user is not { ServiceAccountClientId: null, Password: { } credential })
        {
            PasswordCredential.Dummy.Verify(password);
            if (user is not null)
            {
                bruteForce.RecordFailure(realm, user.Id, remoteAddress);
            }
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }
        if (password.Length == 0 || bruteForce.IsLockedOut(realm, user.Id))
        {
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }
        if (!credential.Verify(password))
        {
            bruteForce.RecordFailure(realm, user.Id, remoteAddress);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }
        if (!user.Enabled)
        {
            return new LoginResult(LoginOutcome.AccountDisabled, user);
        }
        bruteForce.RecordSuccess(realm, user.Id);
        return new LoginResult(LoginOutcome.Success, user);
    }
}
