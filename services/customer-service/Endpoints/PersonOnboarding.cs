using Microsoft.EntityFrameworkCore;
using RealGuard.CustomerService.Data;
using RealGuard.CustomerService.Domain;
using RealGuard.CustomerService.Iam;

namespace RealGuard.CustomerService.Endpoints;

/// <summary>The e-mail address belongs to someone already (here or in the IAM).</summary>
public sealed class PersonExistsException() : Exception("A person with this email already exists.");

public sealed record OnboardedEmployee(Employee Employee, string InitialPassword);

/// <summary>
/// Makes a new employee: provisions the person in the IAM first, then saves the employee. An IAM failure leaves nothing
/// in the database; a database failure after provisioning is logged with the IAM user id so the user can be cleaned up.
/// </summary>
public sealed partial class PersonOnboarding(CustomerDbContext db, PersonProvisioner provisioner, ILogger<PersonOnboarding> logger)
{
    /// <param name="enlist">Adds the employee (and whatever comes with it) to the context for the new IAM user id.</param>
    /// <exception cref="PersonExistsException"/>
    /// <exception cref="IamUnavailableException"/>
    public async Task<OnboardedEmployee> OnboardAsync(NewPerson person, Func<string, Employee> enlist, CancellationToken cancellationToken)
    {
        if (await db.Employees.AnyAsync(employee => employee.Email == person.Email, cancellationToken))
        {
            throw new PersonExistsException();
        }

        // Once the IAM is asked, finish even if the caller goes away: stopping between the steps is what would leave
        // a person half-created.
        ProvisionedPerson provisioned;
        try
        {
            provisioned = await provisioner.ProvisionAsync(person.ToIamUser(), CancellationToken.None);
        }
        catch (IamConflictException)
        {
            throw new PersonExistsException();
        }

        var employee = enlist(provisioned.UserId);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            LogSaveFailedAfterProvisioning(logger, e, provisioned.UserId);
            throw;
        }
        return new OnboardedEmployee(employee, provisioned.InitialPassword);
    }

    public static Employee NewEmployee(Guid customerId, string userId, NewPerson person) => new()
    {
        CustomerId = customerId,
        UserId = userId,
        FirstName = person.FirstName,
        LastName = person.LastName,
        Email = person.Email,
        Phone = person.Phone,
    };

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Saving the employee failed after IAM user {IamUserId} was provisioned: the IAM user exists without an employee record")]
    private static partial void LogSaveFailedAfterProvisioning(ILogger logger, Exception exception, string iamUserId);
}
