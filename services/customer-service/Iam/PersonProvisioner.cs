using RealGuard.CustomerService.Authorization;
using RealGuard.ServiceDefaults;

namespace RealGuard.CustomerService.Iam;

/// <summary>A person who can now log in: their IAM user id and the password to give them, once.</summary>
public sealed record ProvisionedPerson(string UserId, string InitialPassword);

/// <summary>Creates a person in the IAM: a user named by their e-mail, a generated password, the employee realm role.</summary>
public sealed partial class PersonProvisioner(KeycloakAdminClient iam, ILogger<PersonProvisioner> logger)
{
    /// <exception cref="IamConflictException">The IAM knows the e-mail address already.</exception>
    /// <exception cref="IamUnavailableException">The IAM failed; see the log for whether a user was left behind.</exception>
    public async Task<ProvisionedPerson> ProvisionAsync(IamUser person, CancellationToken cancellationToken)
    {
        var password = InitialPassword.Generate();
        var userId = await iam.CreateUserAsync(person, password, cancellationToken);
        try
        {
            await iam.AssignRealmRoleAsync(userId, RealmRoles.CustomerEmployee, cancellationToken);
        }
        catch (IamUnavailableException)
        {
            // The subset of the admin API both IAMs offer has no delete: an operator finishes or removes this user.
            LogRoleNotAssigned(logger, userId, RealmRoles.CustomerEmployee);
            throw;
        }

        LogProvisioned(logger, userId);
        return new ProvisionedPerson(userId, password);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned IAM user {IamUserId}")]
    private static partial void LogProvisioned(ILogger logger, string iamUserId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "IAM user {IamUserId} was created but the realm role {RoleName} could not be assigned; no employee was saved")]
    private static partial void LogRoleNotAssigned(ILogger logger, string iamUserId, string roleName);
}
