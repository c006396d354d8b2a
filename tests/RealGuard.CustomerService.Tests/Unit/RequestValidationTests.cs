using RealGuard.CustomerService.Api;

namespace RealGuard.CustomerService.Tests.Unit;

public sealed class RequestValidationTests
{
    private static readonly string AnId = Guid.NewGuid().ToString();

    [Fact]
    public void A_valid_customer_is_trimmed_and_its_email_lower_cased()
    {
        var validated = RequestValidation.Validate(new CreateCustomerRequest("  Initech ",
            new PersonRequest(" Peter ", "Gibbons", " Peter.Gibbons@Initech.Example ", " +1 (555) 010-0200 ")));

        Assert.True(validated.IsValid);
        Assert.Equal(new NewCustomer("Initech", new NewPerson("Peter", "Gibbons", "peter.gibbons@initech.example", "+1 (555) 010-0200")),
            validated.Value);
    }

    [Fact]
    public void Every_missing_field_of_a_customer_is_named()
    {
        Assert.Equal(["initialAdministrator", "name"], Fields(RequestValidation.Validate(new CreateCustomerRequest(null, null))));
        Assert.Equal(["initialAdministrator.email", "initialAdministrator.firstName", "initialAdministrator.lastName", "name"],
            Fields(RequestValidation.Validate(new CreateCustomerRequest(" ", new PersonRequest("", null, "  ", null)))));
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@no-local.example")]
    [InlineData("no-domain@")]
    [InlineData("two@@example.com")]
    [InlineData("no-dot@localhost")]
    [InlineData("spaces in@example.com")]
    [InlineData("Display Name <someone@example.com>")]
    [InlineData("trailing-dot@example.com.")]
    [InlineData("double-dot@example..com")]
    public void An_invalid_email_is_named(string email)
    {
        var validated = RequestValidation.Validate(new PersonRequest("Ann", "Smith", email, null));

        Assert.Equal(["email"], Fields(validated));
        Assert.Contains("e-mail", validated.Errors["email"].Single());
    }

    [Fact]
    public void An_email_longer_than_the_iam_accepts_is_invalid()
    {
        var email = new string('a', 64) + "@" + new string('b', 190) + ".example";

        Assert.Equal(["email"], Fields(RequestValidation.Validate(new PersonRequest("Ann", "Smith", email, null))));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+1 555 0100 ext. 4; drop table")]
    [InlineData("+123456789012345678901234567890123")]
    public void An_invalid_phone_is_named(string phone)
    {
        Assert.Equal(["phone"], Fields(RequestValidation.Validate(new PersonRequest("Ann", "Smith", "ann@example.com", phone))));
    }

    [Fact]
    public void The_phone_is_optional()
    {
        var validated = RequestValidation.Validate(new PersonRequest("Ann", "Smith", "ann@example.com", "  "));

        Assert.True(validated.IsValid);
        Assert.Null(validated.Value!.Phone);
    }

    [Fact]
    public void Names_that_are_too_long_or_hold_control_characters_are_named()
    {
        Assert.Equal(["name"], Fields(RequestValidation.Validate(new NameRequest(new string('x', 201)))));
        Assert.Equal(["name"], Fields(RequestValidation.Validate(new NameRequest("Main\u0000Street"))));
        Assert.Equal(["firstName"], Fields(RequestValidation.Validate(new PersonRequest(new string('x', 101), "Smith", "ann@example.com", null))));
        Assert.True(RequestValidation.Validate(new NameRequest(new string('x', 200))).IsValid);
    }

    [Fact]
    public void Ids_must_be_guids()
    {
        var validated = RequestValidation.Validate(new AssignLocationRoleRequest("42", null, "SECURITY_SYSTEM_ARMER"));

        Assert.Equal(["employeeId", "locationId"], Fields(validated));
        Assert.Contains("GUID", validated.Errors["employeeId"].Single());
        Assert.Equal(["employeeId"], Fields(RequestValidation.Validate(new AddTeamMemberRequest("not-an-id"))));
    }

    [Fact]
    public void Unknown_role_names_are_refused_listing_the_known_ones()
    {
        var validated = RequestValidation.Validate(new AssignCustomerRoleRequest(AnId, "SUPER_USER"));

        Assert.Equal(["roleName"], Fields(validated));
        Assert.Contains("'SUPER_USER'", validated.Errors["roleName"].Single());
        Assert.Contains("COMPANY_ROLE_ADMIN", validated.Errors["roleName"].Single());
    }

    [Fact]
    public void Role_names_are_case_sensitive()
    {
        Assert.Equal(["roleName"], Fields(RequestValidation.Validate(new AssignCustomerRoleRequest(AnId, "company_role_admin"))));
    }

    [Fact]
    public void Company_administrator_cannot_be_held_at_a_location()
    {
        Assert.Equal(["roleName"], Fields(RequestValidation.Validate(new AssignLocationRoleRequest(AnId, AnId, "COMPANY_ROLE_ADMIN"))));
        Assert.Equal(["roleName"], Fields(RequestValidation.Validate(new AssignTeamLocationRoleRequest(AnId, "COMPANY_ROLE_ADMIN"))));
    }

    [Theory]
    [InlineData("COMPANY_ROLE_ADMIN")]
    [InlineData("SECURITY_SYSTEM_ARMER")]
    [InlineData("SECURITY_SYSTEM_DISARMER")]
    [InlineData("SECURITY_SYSTEM_VIEWER")]
    public void Every_data_role_can_be_held_for_a_customer(string roleName)
    {
        var validated = RequestValidation.Validate(new AssignCustomerRoleRequest(AnId, roleName));

        Assert.True(validated.IsValid);
        Assert.Equal(new CustomerRoleAssignment(Guid.Parse(AnId), roleName), validated.Value);
    }

    [Fact]
    public void A_valid_location_role_assignment_is_typed()
    {
        var employeeId = Guid.NewGuid();
        var locationId = Guid.NewGuid();

        var validated = RequestValidation.Validate(new AssignLocationRoleRequest(employeeId.ToString(), $" {locationId} ", "SECURITY_SYSTEM_VIEWER"));

        Assert.Equal(new LocationRoleAssignment(employeeId, locationId, "SECURITY_SYSTEM_VIEWER"), validated.Value);
    }

    [Theory]
    [InlineData("$.name", "name")]
    [InlineData("$.initialAdministrator.email", "initialAdministrator.email")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void Unreadable_json_is_reported_at_its_field(string? jsonPath, string field)
    {
        Assert.Equal(field, BadRequestBodyHandler.FieldOf(jsonPath));
    }

    private static string[] Fields<T>(Validated<T> validated) where T : class
    {
        Assert.False(validated.IsValid);
        return validated.Errors.Keys.Order(StringComparer.Ordinal).ToArray();
    }
}
