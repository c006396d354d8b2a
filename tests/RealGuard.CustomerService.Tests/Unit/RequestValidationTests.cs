using System.ComponentModel.DataAnnotations;
using RealGuard.CustomerService.Endpoints;
using RealGuard.ServiceDefaults.Validation;

namespace RealGuard.CustomerService.Tests.Unit;

/// <summary>
/// The rules of the request attributes and the commands made of valid requests. Which fields a request names, and the
/// wording clients get, are tested over HTTP (Api/BadInputTests), where AddValidation applies the attributes.
/// </summary>
public sealed class RequestValidationTests
{
    private static readonly string AnId = Guid.NewGuid().ToString();

    [Fact]
    public void A_valid_customer_is_trimmed_and_its_email_lower_cased()
    {
        var command = new CreateCustomerRequest("  Initech ",
            new PersonRequest(" Peter ", "Gibbons", " Peter.Gibbons@Initech.Example ", " +1 (555) 010-0200 ")).ToNewCustomer();

        Assert.Equal(new NewCustomer("Initech", new NewPerson("Peter", "Gibbons", "peter.gibbons@initech.example", "+1 (555) 010-0200")),
            command);
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
    public void An_invalid_email_is_refused(string email)
    {
        var error = Error(new ContactEmailAttribute(), email);

        Assert.Contains("e-mail", error);
    }

    [Fact]
    public void An_email_longer_than_the_iam_accepts_is_invalid()
    {
        Assert.NotNull(Error(new ContactEmailAttribute(), new string('a', 64) + "@" + new string('b', 190) + ".example"));
        Assert.Null(Error(new ContactEmailAttribute(), " Ann@Example.com "));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+1 555 0100 ext. 4; drop table")]
    [InlineData("+123456789012345678901234567890123")]
    public void An_invalid_phone_is_refused(string phone)
    {
        Assert.NotNull(Error(new ContactPhoneAttribute(), phone));
    }

    [Fact]
    public void The_phone_is_optional()
    {
        Assert.Null(Error(new ContactPhoneAttribute(), "  "));
        Assert.Null(Error(new ContactPhoneAttribute(), null));
        Assert.Null(new PersonRequest("Ann", "Smith", "ann@example.com", "  ").ToNewPerson().Phone);
    }

    [Theory]
    [InlineData("Main\u0000Street", "control")]
    [InlineData("Acme\u202EQH", "bidirectional")]
    [InlineData("\u2066Acme\u2069", "bidirectional")]
    [InlineData("\u200B\u200C\u200D", "visible")]
    [InlineData(" \uFEFF\u2060 ", "visible")]
    public void Names_with_control_bidirectional_or_only_invisible_characters_are_refused(string name, string reason)
    {
        Assert.Contains(reason, Error(new TextAttribute(200), name));
    }

    [Fact]
    public void Names_are_measured_trimmed()
    {
        Assert.Contains("200", Error(new TextAttribute(200), new string('x', 201)));
        Assert.Null(Error(new TextAttribute(200), new string('x', 200)));
        Assert.Null(Error(new TextAttribute(200), "  " + new string('x', 200) + "  "));
        Assert.Null(Error(new TextAttribute(200), "Zoë's Café, Zürich"));
    }

    [Fact]
    public void Ids_must_be_guids()
    {
        Assert.Contains("GUID", Error(new GuidAttribute(), "42"));
        Assert.Null(Error(new GuidAttribute(), $" {AnId} "));
    }

    [Fact]
    public void Unknown_role_names_are_refused_listing_the_known_ones()
    {
        var error = Error(new CustomerRoleNameAttribute(), "SUPER_USER");

        Assert.Contains("'SUPER_USER'", error);
        Assert.Contains("COMPANY_ROLE_ADMIN", error);
        Assert.Contains("This role", Error(new CustomerRoleNameAttribute(), new string('R', 65)));
    }

    [Fact]
    public void Role_names_are_case_sensitive()
    {
        Assert.NotNull(Error(new CustomerRoleNameAttribute(), "company_role_admin"));
    }

    [Fact]
    public void Company_administrator_cannot_be_held_at_a_location()
    {
        Assert.NotNull(Error(new LocationRoleNameAttribute(), "COMPANY_ROLE_ADMIN"));
    }

    [Theory]
    [InlineData("COMPANY_ROLE_ADMIN")]
    [InlineData("SECURITY_SYSTEM_ARMER")]
    [InlineData("SECURITY_SYSTEM_DISARMER")]
    [InlineData("SECURITY_SYSTEM_VIEWER")]
    public void Every_data_role_can_be_held_for_a_customer(string roleName)
    {
        Assert.Null(Error(new CustomerRoleNameAttribute(), roleName));
        Assert.Equal(new CustomerRoleAssignment(Guid.Parse(AnId), roleName), new AssignCustomerRoleRequest(AnId, roleName).ToAssignment());
    }

    [Fact]
    public void A_valid_location_role_assignment_is_typed()
    {
        var employeeId = Guid.NewGuid();
        var locationId = Guid.NewGuid();

        var command = new AssignLocationRoleRequest(employeeId.ToString(), $" {locationId} ", "SECURITY_SYSTEM_VIEWER").ToAssignment();

        Assert.Equal(new LocationRoleAssignment(employeeId, locationId, "SECURITY_SYSTEM_VIEWER"), command);
    }

    private static string? Error(ValidationAttribute attribute, string? value) =>
        attribute.GetValidationResult(value, new ValidationContext(new object()) { MemberName = "field" })?.ErrorMessage;
}
