using RealGuard.CustomerService.Authorization;
using static RealGuard.ServiceDefaults.DataRoles;

namespace RealGuard.CustomerService.Tests.Unit;

// Mirrors RealGuardIO's LocationRoleServiceImplTest and its Oso policy tests (main.polar): direct roles, team roles,
// roles held for the whole customer, and nothing from another customer.
public sealed class LocationRoleResolverTests
{
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Globex = Guid.NewGuid();
    private static readonly Guid AcmeHq = Guid.NewGuid();
    private static readonly Guid AcmeWarehouse = Guid.NewGuid();
    private static readonly Guid GlobexLab = Guid.NewGuid();

    [Fact]
    public void Direct_roles_at_the_location_are_effective()
    {
        var grants = Grants(Acme, locationRoles: [new(AcmeHq, SecuritySystemArmer), new(AcmeHq, SecuritySystemDisarmer)]);

        Assert.Equal([SecuritySystemArmer, SecuritySystemDisarmer], AtAcmeHq(grants));
    }

    [Fact]
    public void No_role_gives_nothing()
    {
        Assert.Empty(AtAcmeHq(Grants(Acme)));
        Assert.Empty(AtAcmeHq());
    }

    [Fact]
    public void Direct_and_team_roles_are_aggregated_without_duplicates()
    {
        var grants = Grants(Acme,
            locationRoles: [new(AcmeHq, SecuritySystemArmer), new(AcmeHq, SecuritySystemViewer)],
            teamRoles: [new(AcmeHq, SecuritySystemDisarmer), new(AcmeHq, SecuritySystemViewer)]);

        Assert.Equal([SecuritySystemArmer, SecuritySystemDisarmer, SecuritySystemViewer], AtAcmeHq(grants));
    }

    [Fact]
    public void A_team_member_with_no_role_of_their_own_holds_the_teams_roles()
    {
        var grants = Grants(Acme, teamRoles: [new(AcmeHq, SecuritySystemArmer), new(AcmeHq, SecuritySystemDisarmer)]);

        Assert.Equal([SecuritySystemArmer, SecuritySystemDisarmer], AtAcmeHq(grants));
    }

    [Fact]
    public void A_role_held_for_the_customer_applies_at_each_of_its_locations()
    {
        var grants = Grants(Acme, customerRoles: [SecuritySystemDisarmer]);

        Assert.Equal([SecuritySystemDisarmer], AtAcmeHq(grants));
        Assert.Equal([SecuritySystemDisarmer], LocationRoleResolver.EffectiveRoles(AcmeWarehouse, Acme, [grants]));
    }

    [Fact]
    public void A_role_held_for_one_customer_gives_nothing_at_another_customers_location()
    {
        var grants = Grants(Acme, customerRoles: [SecuritySystemDisarmer]);

        Assert.Empty(LocationRoleResolver.EffectiveRoles(GlobexLab, Globex, [grants]));
    }

    [Fact]
    public void Roles_at_one_location_give_nothing_at_another_location()
    {
        var grants = Grants(Acme, locationRoles: [new(AcmeHq, SecuritySystemArmer)], teamRoles: [new(AcmeHq, SecuritySystemViewer)]);

        Assert.Empty(LocationRoleResolver.EffectiveRoles(AcmeWarehouse, Acme, [grants]));
    }

    [Fact]
    public void Grants_naming_a_location_count_only_when_they_are_of_the_locations_customer()
    {
        // An employee record of Globex that (wrongly) names an Acme location grants nothing there.
        var grants = Grants(Globex, locationRoles: [new(AcmeHq, SecuritySystemArmer)], teamRoles: [new(AcmeHq, SecuritySystemViewer)]);

        Assert.Empty(AtAcmeHq(grants));
    }

    [Fact]
    public void Company_administrator_is_a_customer_role_not_a_role_at_a_location()
    {
        var grants = Grants(Acme, customerRoles: [CompanyAdmin]);

        Assert.Empty(AtAcmeHq(grants));
    }

    [Fact]
    public void A_person_employed_by_two_customers_holds_at_each_location_only_what_that_customer_granted()
    {
        var atAcme = Grants(Acme, locationRoles: [new(AcmeHq, SecuritySystemViewer)]);
        var atGlobex = Grants(Globex, customerRoles: [SecuritySystemArmer]);

        Assert.Equal([SecuritySystemViewer], AtAcmeHq(atAcme, atGlobex));
        Assert.Equal([SecuritySystemArmer], LocationRoleResolver.EffectiveRoles(GlobexLab, Globex, [atAcme, atGlobex]));
    }

    private static IReadOnlyList<string> AtAcmeHq(params RoleGrants[] grants) => LocationRoleResolver.EffectiveRoles(AcmeHq, Acme, grants);

    private static RoleGrants Grants(Guid customerId, string[]? customerRoles = null, LocationGrant[]? locationRoles = null,
        LocationGrant[]? teamRoles = null) =>
        new(customerId, customerRoles ?? [], locationRoles ?? [], teamRoles ?? []);
}
