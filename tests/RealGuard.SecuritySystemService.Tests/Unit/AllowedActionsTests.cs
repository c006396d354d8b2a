using RealGuard.SecuritySystemService.CustomerService;
using RealGuard.SecuritySystemService.Domain;
using RealGuard.ServiceDefaults;

namespace RealGuard.SecuritySystemService.Tests.Unit;

/// <summary>What a caller is offered: the actions the state allows and one of their location roles permits.</summary>
public sealed class AllowedActionsTests
{
    private const string CompanyAdmin = "COMPANY_ROLE_ADMIN";

    // Written out independently of the production code: what each state allows, what each role permits.
    private static readonly Dictionary<SecuritySystemState, string[]> AllowedByState = new()
    {
        [SecuritySystemState.Disarmed] = ["ARM"],
        [SecuritySystemState.Armed] = ["DISARM"],
        [SecuritySystemState.Alarmed] = ["DISARM", "ACKNOWLEDGE"],
    };

    private static readonly Dictionary<string, string[]> PermittedByRole = new()
    {
        [DataRoles.SecuritySystemArmer] = ["ARM"],
        [DataRoles.SecuritySystemDisarmer] = ["DISARM", "ACKNOWLEDGE"],
        [DataRoles.SecuritySystemViewer] = [],
        [CompanyAdmin] = [],
    };

    public static TheoryData<SecuritySystemState, string, string> EveryStateActionAndRole()
    {
        var data = new TheoryData<SecuritySystemState, string, string>();
        foreach (var state in Enum.GetValues<SecuritySystemState>())
        {
            foreach (var action in new[] { "ARM", "DISARM", "ACKNOWLEDGE" })
            {
                foreach (var role in PermittedByRole.Keys)
                {
                    data.Add(state, action, role);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateActionAndRole))]
    public void An_action_is_offered_when_the_state_allows_it_and_the_role_permits_it(SecuritySystemState state, string action, string role)
    {
        var expected = AllowedByState[state].Contains(action) && PermittedByRole[role].Contains(action);

        var offered = LocationRoles.AvailableActions(state, [role]).Select(a => a.ToWireName());

        Assert.Equal(expected, offered.Contains(action));
    }

    [Theory]
    [InlineData(DataRoles.SecuritySystemArmer, true)]
    [InlineData(DataRoles.SecuritySystemDisarmer, true)]
    [InlineData(DataRoles.SecuritySystemViewer, true)]
    [InlineData(CompanyAdmin, false)]
    [InlineData("SOMETHING_ELSE", false)]
    public void Each_security_system_role_grants_viewing(string role, bool canView)
    {
        Assert.Equal(canView, new CallerAccess(false, new HashSet<string> { role }).CanView);
    }

    [Fact]
    public void Armer_and_disarmer_together_are_offered_both_sides()
    {
        string[] roles = [DataRoles.SecuritySystemArmer, DataRoles.SecuritySystemDisarmer];

        Assert.Equal([SecuritySystemAction.Arm], LocationRoles.AvailableActions(SecuritySystemState.Disarmed, roles));
        Assert.Equal([SecuritySystemAction.Disarm], LocationRoles.AvailableActions(SecuritySystemState.Armed, roles));
        Assert.Equal([SecuritySystemAction.Disarm, SecuritySystemAction.Acknowledge],
            LocationRoles.AvailableActions(SecuritySystemState.Alarmed, roles));
    }

    [Fact]
    public void An_administrator_without_location_roles_views_everything_and_may_do_nothing()
    {
        var administrator = new CallerAccess(IsAdministrator: true, CallerAccess.NoRoles);
        var system = SecuritySystem.Create(Guid.NewGuid(), Guid.NewGuid(), "Acme HQ");

        Assert.True(administrator.CanView);
        Assert.Empty(administrator.ActionsOn(system));
        Assert.All(Enum.GetValues<SecuritySystemAction>(), action => Assert.False(administrator.MayTake(action)));
    }

    [Fact]
    public void An_administrator_who_also_holds_a_location_role_may_act_by_it()
    {
        var administrator = new CallerAccess(IsAdministrator: true, new HashSet<string> { DataRoles.SecuritySystemArmer });
        var system = SecuritySystem.Create(Guid.NewGuid(), Guid.NewGuid(), "Acme HQ");

        Assert.Equal([SecuritySystemAction.Arm], administrator.ActionsOn(system));
    }

    [Fact]
    public void Someone_without_a_role_at_the_location_may_not_view()
    {
        var stranger = new CallerAccess(IsAdministrator: false, CallerAccess.NoRoles);

        Assert.False(stranger.CanView);
    }

    [Fact]
    public void The_list_knows_which_locations_the_caller_may_view()
    {
        var (viewed, managed, armed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var access = new CallerAccessByLocation(false, new Dictionary<Guid, IReadOnlySet<string>>
        {
            [viewed] = new HashSet<string> { DataRoles.SecuritySystemViewer },
            [managed] = new HashSet<string> { CompanyAdmin },
            [armed] = new HashSet<string> { DataRoles.SecuritySystemArmer },
        });

        Assert.Equal(new[] { viewed, armed }.Order(), access.ViewableLocations.Order());
        Assert.False(access.At(Guid.NewGuid()).CanView);
    }
}
