using System.ComponentModel.DataAnnotations;
using RealGuard.CustomerService.Domain;
using RealGuard.ServiceDefaults.Validation;

namespace RealGuard.CustomerService.Endpoints;

// Request bodies as clients send them, validated before the handler runs (AddValidation). Ids are strings so that a
// malformed one is reported with the other fields rather than as an unreadable body. The To... methods give the command
// (trimmed, normalized, typed) and are called only on a validated request.

public sealed record CreateCustomerRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Text(FieldLimits.NameLength)] string? Name,
    [Required(ErrorMessage = ValidationMessages.Required)] PersonRequest? InitialAdministrator)
{
    public NewCustomer ToNewCustomer() => new(Name!.Trim(), InitialAdministrator!.ToNewPerson());
}

public sealed record PersonRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Text(FieldLimits.PersonNameLength)] string? FirstName,
    [Required(ErrorMessage = ValidationMessages.Required), Text(FieldLimits.PersonNameLength)] string? LastName,
    [Required(ErrorMessage = ValidationMessages.Required), ContactEmail] string? Email,
    [ContactPhone] string? Phone)
{
    /// <summary>The e-mail in lower case, as the IAM keeps usernames and e-mails; a blank phone is none.</summary>
    public NewPerson ToNewPerson() => new(FirstName!.Trim(), LastName!.Trim(), Email!.Trim().ToLowerInvariant(),
        string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());
}

public sealed record NameRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Text(FieldLimits.NameLength)] string? Name)
{
    public NewName ToNewName() => new(Name!.Trim());
}

public sealed record AssignCustomerRoleRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Guid] string? EmployeeId,
    [Required(ErrorMessage = ValidationMessages.Required), CustomerRoleName] string? RoleName)
{
    public CustomerRoleAssignment ToAssignment() => new(Guid.Parse(EmployeeId!.Trim()), RoleName!.Trim());
}

public sealed record AssignLocationRoleRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Guid] string? EmployeeId,
    [Required(ErrorMessage = ValidationMessages.Required), Guid] string? LocationId,
    [Required(ErrorMessage = ValidationMessages.Required), LocationRoleName] string? RoleName)
{
    public LocationRoleAssignment ToAssignment() =>
        new(Guid.Parse(EmployeeId!.Trim()), Guid.Parse(LocationId!.Trim()), RoleName!.Trim());
}

public sealed record AddTeamMemberRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Guid] string? EmployeeId)
{
    public TeamMembership ToMembership() => new(Guid.Parse(EmployeeId!.Trim()));
}

public sealed record AssignTeamLocationRoleRequest(
    [Required(ErrorMessage = ValidationMessages.Required), Guid] string? LocationId,
    [Required(ErrorMessage = ValidationMessages.Required), LocationRoleName] string? RoleName)
{
    public TeamLocationRoleAssignment ToAssignment() => new(Guid.Parse(LocationId!.Trim()), RoleName!.Trim());
}
