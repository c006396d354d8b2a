using Bunit;
using RealGuard.Web.Clients;
using RealGuard.Web.Components.Pages;
using RealGuard.ServiceDefaults;

namespace RealGuard.Web.Tests.Components;

public sealed class CustomerComponentTests : WebComponentContext
{
    private static readonly Guid Acme = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid AcmeHq = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    [Fact]
    public void An_administrator_creates_a_customer_and_sees_the_initial_password_once()
    {
        SignIn("admin", "admin-sub", RealmRoles.Admin);
        var page = RenderWithProviders<CustomersPage>();

        page.Find("#customer-name").Change("Initech");
        page.Find("#admin-first-name").Change("Peter");
        page.Find("#admin-last-name").Change("Gibbons");
        page.Find("#admin-email").Change("peter@initech.example");
        page.Find("#create-customer").Click();

        page.WaitForAssertion(() => Assert.Contains("Initial-Pa55word", page.Find("[data-testid=initial-password]").TextContent));
        var created = Assert.Single(Customers.Created);
        Assert.Equal(new NewCustomer("Initech", new NewPerson("Peter", "Gibbons", "peter@initech.example", null)), created);
        Assert.Contains("Initech", page.Find("[data-testid=customers]").TextContent);
    }

    [Fact]
    public void A_customer_without_a_name_is_not_sent()
    {
        SignIn("admin", "admin-sub", RealmRoles.Admin);
        var page = RenderWithProviders<CustomersPage>();

        page.Find("#admin-first-name").Change("Peter");
        page.Find("#create-customer").Click();

        Assert.Empty(Customers.Created);
        page.WaitForAssertion(() => Assert.Contains("The company needs a name.", page.Markup));
    }

    [Fact]
    public void A_company_administrator_sees_employees_locations_teams_and_role_assignment()
    {
        SignIn("alice", "alice-sub", RealmRoles.CustomerEmployee);
        AddAcme();

        var page = RenderWithProviders<CustomerAdministration>(p => p.Add(c => c.Id, Acme));

        var employees = page.Find("[data-testid=employees]").TextContent;
        Assert.Contains("Alice Anderson", employees);
        Assert.Contains("bob@acme.example", employees);
        Assert.Contains("Acme HQ: SECURITY_SYSTEM_ARMER", employees);
        Assert.Equal(["Employees", "Locations", "Teams", "Role assignments"],
            page.FindAll(".mud-tab").Select(tab => tab.TextContent.Trim()));
    }

    [Fact]
    public void An_employee_who_is_not_a_company_administrator_is_not_allowed()
    {
        SignIn("bob", "bob-sub", RealmRoles.CustomerEmployee);
        AddAcme();

        var page = RenderWithProviders<CustomerAdministration>(p => p.Add(c => c.Id, Acme));

        Assert.Contains("for the company's administrators", page.Find("[data-testid=not-allowed]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=employees]"));
    }

    private void AddAcme()
    {
        Customers.Details[Acme] = new CustomerDetails(Acme, "Acme Corporation",
        [
            new Employee(Alice, Acme, "alice-sub", "Alice", "Anderson", "alice@acme.example", null, [DataRoles.CompanyAdmin], [], null),
            new Employee(Bob, Acme, "bob-sub", "Bob", "Brown", "bob@acme.example", null, [], [new LocationRole(AcmeHq, DataRoles.SecuritySystemArmer)], null),
        ],
        [new Location(AcmeHq, Acme, "Acme HQ")],
        []);
    }
}
