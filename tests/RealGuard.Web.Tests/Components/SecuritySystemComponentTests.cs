using System.Net;
using Bunit;
using RealGuard.Web.Clients;
using RealGuard.Web.Components.Pages;
using RealGuard.Web.Components.Shared;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Tests.Components;

public sealed class SecuritySystemComponentTests : WebComponentContext
{
    private static readonly Guid AcmeHq = Guid.Parse("c0000000-0000-0000-0000-000000000001");
    private static readonly Guid GlobexLab = Guid.Parse("c0000000-0000-0000-0000-000000000002");

    [Fact]
    public void Home_offers_a_login_to_a_visitor_and_calls_no_service()
    {
        Authorization.SetNotAuthorized();

        var home = RenderWithProviders<Home>();

        var login = home.Find("[data-testid=hero-login]");
        Assert.StartsWith("/authentication/login?returnUrl=", login.GetAttribute("href"));
        Assert.Empty(home.FindAll("[data-testid=system]"));
    }

    [Fact]
    public void Home_lists_the_systems_with_only_the_actions_allowed_now()
    {
        SignIn("bob", "bob-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        SecuritySystems.Systems.Add(new SecuritySystem(AcmeHq, Guid.NewGuid(), "Acme HQ", "DISARMED", [SecuritySystemActions.Arm], 1));
        SecuritySystems.Systems.Add(new SecuritySystem(GlobexLab, Guid.NewGuid(), "Globex Lab", "ARMED", [], 3));

        var home = RenderWithProviders<Home>();

        var cards = home.FindAll("[data-testid=system]");
        Assert.Equal(2, cards.Count);
        Assert.Contains("Acme HQ", cards[0].TextContent);
        Assert.Contains("DISARMED", cards[0].QuerySelector("[data-testid=state]")!.TextContent);
        Assert.Equal(["ARM"], cards[0].QuerySelectorAll("[data-action]").Select(button => button.GetAttribute("data-action")));
        Assert.Empty(cards[1].QuerySelectorAll("[data-action]"));
        Assert.Contains("No action available", cards[1].TextContent);
    }

    [Fact]
    public void Arming_from_the_list_calls_the_service_and_shows_the_new_state()
    {
        SignIn("bob", "bob-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        SecuritySystems.Systems.Add(new SecuritySystem(AcmeHq, Guid.NewGuid(), "Acme HQ", "DISARMED", [SecuritySystemActions.Arm], 1));
        var home = RenderWithProviders<Home>();

        home.Find("[data-action=ARM]").Click();

        Assert.Equal([(AcmeHq, "ARM")], SecuritySystems.Actions);
        home.WaitForAssertion(() => Assert.Contains("ARMED", home.Find("[data-testid=state]").TextContent));
        Assert.Empty(home.FindAll("[data-action=ARM]"));
    }

    [Fact]
    public void A_user_without_systems_is_told_how_to_get_one()
    {
        SignIn("erin", "erin-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");

        var home = RenderWithProviders<Home>();

        Assert.Contains("company administrator", home.Find("[data-testid=no-systems]").TextContent);
    }

    [Fact]
    public void The_system_page_shows_state_actions_and_the_audit_trail_newest_first()
    {
        SignIn("carol", "carol-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        SecuritySystems.Systems.Add(new SecuritySystem(AcmeHq, Guid.NewGuid(), "Acme HQ", "ALARMED", [SecuritySystemActions.Disarm, SecuritySystemActions.Acknowledge], 4));
        SecuritySystems.Audit.Add(new AuditEntry(DateTimeOffset.UtcNow.AddMinutes(-5), "bob-sub", "bob", "ARM", "DISARMED", "ARMED"));
        SecuritySystems.Audit.Add(new AuditEntry(DateTimeOffset.UtcNow.AddMinutes(-1), null, "device", "ALARM", "ARMED", "ALARMED"));

        var page = RenderWithProviders<SecuritySystemPage>(p => p.Add(c => c.Id, AcmeHq));

        Assert.Contains("ALARMED", page.Find("[data-testid=state]").TextContent);
        Assert.Equal(["DISARM", "ACKNOWLEDGE"], page.FindAll("[data-action]").Select(button => button.GetAttribute("data-action")));
        var rows = page.FindAll("[data-testid=audit] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("ALARM", rows[0].TextContent);
        Assert.Contains("bob", rows[1].TextContent);
    }

    [Fact]
    public void A_system_the_user_may_not_see_is_not_found_without_saying_more()
    {
        SignIn("erin", "erin-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");

        var page = RenderWithProviders<SecuritySystemPage>(p => p.Add(c => c.Id, AcmeHq));

        Assert.Contains("does not exist, or you may not see it", page.Find("[data-testid=not-found]").TextContent);
    }

    [Fact]
    public void An_action_the_service_forbids_shows_the_not_allowed_message()
    {
        SignIn("dave", "dave-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        SecuritySystems.Failure = new ServiceCallException(HttpStatusCode.Forbidden, "You may view this system but not act on it.");

        var home = RenderWithProviders<Home>();

        Assert.Contains("You may view this system but not act on it.", home.Find("[data-testid=not-allowed]").TextContent);
    }

    [Fact]
    public void A_session_that_ended_asks_for_a_new_login_instead_of_failing()
    {
        SignIn("bob", "bob-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        SecuritySystems.Failure = new UserSessionEndedException();

        var home = RenderWithProviders<Home>();

        var problem = home.Find("[data-testid=problem]");
        Assert.Contains("Your session has ended", problem.TextContent);
        Assert.StartsWith("/authentication/login", problem.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void An_unavailable_identity_provider_is_explained_and_retried()
    {
        SignIn("bob", "bob-sub", "REALGUARDIO_CUSTOMER_EMPLOYEE");
        SecuritySystems.Failure = new RealGuard.Web.Authentication.IdentityProviderUnavailableException("down");

        var home = RenderWithProviders<Home>();

        Assert.Contains("identity provider is unavailable", home.Find("[data-testid=problem]").TextContent);
    }

    [Fact]
    public void Only_allowed_actions_become_buttons()
    {
        var buttons = Render<SecuritySystemActionButtons>(p => p
            .Add(c => c.System, new SecuritySystem(AcmeHq, Guid.NewGuid(), "Acme HQ", "ARMED", [SecuritySystemActions.Disarm], 2)));

        Assert.Equal(["Disarm"], buttons.FindAll("button").Select(button => button.TextContent.Trim()));
    }
}
