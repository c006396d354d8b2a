using RealGuard.CustomerService.Domain;

namespace RealGuard.CustomerService.Api;

/// <summary>A request turned into a command, or the errors that prevented it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors) where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;

    public static Validated<T> From(FieldErrors errors, Func<T> create) =>
        errors.IsEmpty ? new(create(), errors.ToDictionary()) : new(null, errors.ToDictionary());
}

/// <summary>Validation of every request body; field names are the JSON (camelCase) paths.</summary>
public static class RequestValidation
{
    private const string AtCustomer = "a customer can hold";
    private const string AtLocation = "that can be held at a location";

    public static Validated<NewCustomer> Validate(CreateCustomerRequest request)
    {
        var errors = new FieldErrors();
        var name = errors.RequiredText("name", request.Name, FieldLimits.NameLength);
        NewPerson? administrator = null;
        if (request.InitialAdministrator is null)
        {
            errors.Add("initialAdministrator", "Required.");
        }
        else
        {
            administrator = Person(errors, request.InitialAdministrator, "initialAdministrator.");
        }
        return Validated<NewCustomer>.From(errors, () => new NewCustomer(name!, administrator!));
    }

    public static Validated<NewPerson> Validate(PersonRequest request)
    {
        var errors = new FieldErrors();
        var person = Person(errors, request, "");
        return Validated<NewPerson>.From(errors, () => person!);
    }

    public static Validated<NewName> Validate(NameRequest request)
    {
        var errors = new FieldErrors();
        var name = errors.RequiredText("name", request.Name, FieldLimits.NameLength);
        return Validated<NewName>.From(errors, () => new NewName(name!));
    }

    public static Validated<CustomerRoleAssignment> Validate(AssignCustomerRoleRequest request)
    {
        var errors = new FieldErrors();
        var employeeId = errors.RequiredId("employeeId", request.EmployeeId);
        var roleName = errors.RequiredRole("roleName", request.RoleName, RoleNames.CustomerRoles, AtCustomer);
        return Validated<CustomerRoleAssignment>.From(errors, () => new CustomerRoleAssignment(employeeId!.Value, roleName!));
    }

    public static Validated<LocationRoleAssignment> Validate(AssignLocationRoleRequest request)
    {
        var errors = new FieldErrors();
        var employeeId = errors.RequiredId("employeeId", request.EmployeeId);
        var locationId = errors.RequiredId("locationId", request.LocationId);
        var roleName = errors.RequiredRole("roleName", request.RoleName, RoleNames.LocationRoles, AtLocation);
        return Validated<LocationRoleAssignment>.From(errors,
            () => new LocationRoleAssignment(employeeId!.Value, locationId!.Value, roleName!));
    }

    public static Validated<TeamMembership> Validate(AddTeamMemberRequest request)
    {
        var errors = new FieldErrors();
        var employeeId = errors.RequiredId("employeeId", request.EmployeeId);
        return Validated<TeamMembership>.From(errors, () => new TeamMembership(employeeId!.Value));
    }

    public static Validated<TeamLocationRoleAssignment> Validate(AssignTeamLocationRoleRequest request)
    {
        var errors = new FieldErrors();
        var locationId = errors.RequiredId("locationId", request.LocationId);
        var roleName = errors.RequiredRole("roleName", request.RoleName, RoleNames.LocationRoles, AtLocation);
        return Validated<TeamLocationRoleAssignment>.From(errors, () => new TeamLocationRoleAssignment(locationId!.Value, roleName!));
    }

    private static NewPerson? Person(FieldErrors errors, PersonRequest request, string prefix)
    {
        var firstName = errors.RequiredText(prefix + "firstName", request.FirstName, FieldLimits.PersonNameLength);
        var lastName = errors.RequiredText(prefix + "lastName", request.LastName, FieldLimits.PersonNameLength);
        var email = errors.RequiredEmail(prefix + "email", request.Email);
        var phone = errors.OptionalPhone(prefix + "phone", request.Phone);
        return firstName is null || lastName is null || email is null || (phone is null && !string.IsNullOrWhiteSpace(request.Phone))
            ? null
            : new NewPerson(firstName, lastName, email, phone);
    }
}
