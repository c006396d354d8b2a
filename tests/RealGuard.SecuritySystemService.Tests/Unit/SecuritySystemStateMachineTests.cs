using RealGuard.SecuritySystemService.Domain;
using static RealGuard.SecuritySystemService.Domain.SecuritySystemAction;
using static RealGuard.SecuritySystemService.Domain.SecuritySystemState;

namespace RealGuard.SecuritySystemService.Tests.Unit;

public sealed class SecuritySystemStateMachineTests
{
    // Every state × action: the transitions of docs/api.md, and nothing else.
    [Theory]
    [InlineData(Disarmed, Arm, Armed)]
    [InlineData(Disarmed, Disarm, null)]
    [InlineData(Disarmed, Acknowledge, null)]
    [InlineData(Armed, Arm, null)]
    [InlineData(Armed, Disarm, Disarmed)]
    [InlineData(Armed, Acknowledge, null)]
    [InlineData(Alarmed, Arm, null)]
    [InlineData(Alarmed, Disarm, Disarmed)]
    [InlineData(Alarmed, Acknowledge, Disarmed)]
    public void Each_action_leads_where_the_contract_says_or_nowhere(SecuritySystemState from, SecuritySystemAction action, SecuritySystemState? expected)
    {
        Assert.Equal(expected, SecuritySystemStateMachine.Next(from, action));
    }

    [Theory]
    [InlineData(Disarmed, null)]
    [InlineData(Armed, Alarmed)]
    [InlineData(Alarmed, null)]
    public void Only_an_armed_system_can_be_alarmed(SecuritySystemState from, SecuritySystemState? expected)
    {
        Assert.Equal(expected, SecuritySystemStateMachine.NextOnAlarm(from));
    }

    [Theory]
    [InlineData(Disarmed, new[] { Arm })]
    [InlineData(Armed, new[] { Disarm })]
    [InlineData(Alarmed, new[] { Disarm, Acknowledge })]
    public void Actions_allowed_in_a_state_are_listed_in_a_stable_order(SecuritySystemState state, SecuritySystemAction[] expected)
    {
        Assert.Equal(expected, SecuritySystemStateMachine.ActionsAllowedIn(state));
    }

    [Fact]
    public void A_new_system_is_disarmed_at_version_1()
    {
        var system = SecuritySystem.Create(Guid.NewGuid(), Guid.NewGuid(), "Acme HQ");

        Assert.Equal(Disarmed, system.State);
        Assert.Equal(1, system.Version);
    }

    [Fact]
    public void An_allowed_action_changes_the_state_bumps_the_version_and_says_what_happened()
    {
        var system = SecuritySystem.Create(Guid.NewGuid(), Guid.NewGuid(), "Acme HQ");

        var change = system.Apply(Arm);

        Assert.Equal(new StateChange("ARM", Disarmed, Armed), change);
        Assert.Equal(Armed, system.State);
        Assert.Equal(2, system.Version);
    }

    [Fact]
    public void A_refused_action_changes_nothing()
    {
        var system = SecuritySystem.Create(Guid.NewGuid(), Guid.NewGuid(), "Acme HQ");

        Assert.Null(system.Apply(Disarm));
        Assert.Null(system.Apply(Acknowledge));
        Assert.Null(system.RaiseAlarm());

        Assert.Equal(Disarmed, system.State);
        Assert.Equal(1, system.Version);
    }

    [Fact]
    public void An_alarm_then_an_acknowledgement_go_through_alarmed_back_to_disarmed()
    {
        var system = SecuritySystem.Create(Guid.NewGuid(), Guid.NewGuid(), "Acme HQ");
        system.Apply(Arm);

        var alarm = system.RaiseAlarm();
        var acknowledgement = system.Apply(Acknowledge);

        Assert.Equal(new StateChange("ALARM", Armed, Alarmed), alarm);
        Assert.Equal(new StateChange("ACKNOWLEDGE", Alarmed, Disarmed), acknowledgement);
        Assert.Equal(4, system.Version);
    }

    [Theory]
    [InlineData("ARM", Arm)]
    [InlineData("DISARM", Disarm)]
    [InlineData("ACKNOWLEDGE", Acknowledge)]
    public void Action_names_are_read_as_the_contract_spells_them(string name, SecuritySystemAction expected)
    {
        Assert.True(WireNames.TryParseAction(name, out var action));
        Assert.Equal(expected, action);
    }

    [Theory]
    [InlineData("arm")]
    [InlineData("Arm")]
    [InlineData("ALARM")]
    [InlineData("SELF_DESTRUCT")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_action_names_are_not_actions(string? name)
    {
        Assert.False(WireNames.TryParseAction(name, out _));
    }
}
