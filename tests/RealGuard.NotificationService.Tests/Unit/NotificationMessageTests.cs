using RealGuard.NotificationService.Domain;

namespace RealGuard.NotificationService.Tests.Unit;

/// <summary>The sentence each person reads for each kind of event.</summary>
public sealed class NotificationMessageTests
{
    [Theory]
    [InlineData("ARM", "DISARMED", "ARMED", "Bob Brown armed Acme HQ")]
    [InlineData("DISARM", "ARMED", "DISARMED", "Bob Brown disarmed Acme HQ")]
    [InlineData("DISARM", "ALARMED", "DISARMED", "Bob Brown disarmed Acme HQ during an alarm")]
    [InlineData("ACKNOWLEDGE", "ALARMED", "DISARMED", "Bob Brown acknowledged the alarm at Acme HQ")]
    [InlineData("ALARM", "ARMED", "ALARMED", "Alarm at Acme HQ: the security system went from ARMED to ALARMED")]
    public void Names_who_did_what_where(string action, string from, string to, string expected) =>
        Assert.Equal(expected, NotificationMessage.For(action, from, to, "Bob Brown", "Acme HQ"));
}
