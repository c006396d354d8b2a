using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RealGuard.ServiceDefaults;
using RealGuard.Web.Authentication;
using RealGuard.Web.Clients;
using RealGuard.Web.Extensions;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor, a signed-in (or not) user, and the service clients replaced by fakes.</summary>
public abstract class WebComponentContext : BunitContext, IAsyncLifetime
{
    // MudBlazor's services are only asynchronously disposable; xunit 2 disposes asynchronously through IAsyncLifetime.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected WebComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.Configure<UiOptions>(options => options.PollInterval = TimeSpan.FromHours(1));
        Services.AddSingleton<TimeProvider>(TimeProvider.System);
        Services.AddSingleton<IUserSessionStore>(SessionStore);
        Services.AddScoped<CurrentUserSession>();
        Services.AddSingleton<SecuritySystemsClient>(SecuritySystems);
        Services.AddSingleton<CustomersClient>(Customers);
        Services.AddSingleton<NotificationsClient>(Notifications);
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected InMemoryUserSessionStore SessionStore { get; } = new();

    protected FakeSecuritySystems SecuritySystems { get; } = new();

    protected FakeCustomers Customers { get; } = new();

    protected FakeNotifications Notifications { get; } = new();

    protected void SignIn(string userName, string subject, params string[] realmRoles)
    {
        Authorization.SetAuthorized(userName);
        Authorization.SetRoles(realmRoles);
        Authorization.SetClaims(
            new Claim("sub", subject),
            new Claim("preferred_username", userName),
            new Claim("name", $"{char.ToUpperInvariant(userName[0])}{userName[1..]} Tester"),
            new Claim(SessionClaims.SessionKey, "session-" + userName));
    }

    protected async Task<UserSession> AddSessionAsync(string userName)
    {
        var tokens = new UserTokens("access-token-value", "refresh-token-value", "id-token-value", DateTimeOffset.UtcNow.AddSeconds(100),
            TimeSpan.FromSeconds(120), DateTimeOffset.UtcNow.AddMinutes(30));
        var session = Infrastructure.TestSessions.NewSession("session-" + userName, tokens, expiresAt: DateTimeOffset.UtcNow.AddHours(8).AddSeconds(30));
        await SessionStore.SaveAsync(session);
        return session;
    }

    /// <summary>Renders the component with MudBlazor's popover provider beside it, as the layout does.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters ?? (_ => { }));
    }
}

public sealed class FakeSecuritySystems() : SecuritySystemsClient(new HttpClient(), null!)
{
    public List<SecuritySystem> Systems { get; } = [];

    public List<AuditEntry> Audit { get; } = [];

    public List<(Guid Id, string Action)> Actions { get; } = [];

    public Exception? Failure { get; set; }

    public override Task<IReadOnlyList<SecuritySystem>> ListAsync(CancellationToken cancellationToken = default)
        => Failure is { } failure ? Task.FromException<IReadOnlyList<SecuritySystem>>(failure) : Task.FromResult<IReadOnlyList<SecuritySystem>>(Systems.ToList());

    public override Task<SecuritySystem> GetAsync(Guid id, CancellationToken cancellationToken = default)
        => Failure is { } failure ? Task.FromException<SecuritySystem>(failure)
            : Systems.FirstOrDefault(s => s.Id == id) is { } found ? Task.FromResult(found)
            : Task.FromException<SecuritySystem>(new ServiceCallException(System.Net.HttpStatusCode.NotFound, "Not found."));

    public override Task<IReadOnlyList<AuditEntry>> AuditAsync(Guid id, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<AuditEntry>>(Audit.ToList());

    public override Task<SecuritySystem> ActAsync(Guid id, string action, CancellationToken cancellationToken = default)
    {
        Actions.Add((id, action));
        var system = Systems.Single(s => s.Id == id);
        var changed = action switch
        {
            SecuritySystemActions.Arm => system with { State = "ARMED", Actions = [SecuritySystemActions.Disarm], Version = system.Version + 1 },
            _ => system with { State = "DISARMED", Actions = [SecuritySystemActions.Arm], Version = system.Version + 1 },
        };
        Systems[Systems.IndexOf(system)] = changed;
        Audit.Add(new AuditEntry(DateTimeOffset.UtcNow, "bob-sub", "bob", action, system.State, changed.State));
        return Task.FromResult(changed);
    }
}

public sealed class FakeCustomers() : CustomersClient(new HttpClient(), null!)
{
    public List<Customer> Customers { get; } = [];

    public Dictionary<Guid, CustomerDetails> Details { get; } = [];

    public List<NewCustomer> Created { get; } = [];

    public List<(Guid Customer, Guid Employee, Guid Location, string Role)> LocationRoles { get; } = [];

    public override Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<Customer>>(Customers.ToList());

    public override Task<CustomerDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
        => Details.TryGetValue(id, out var details) ? Task.FromResult(details)
            : Task.FromException<CustomerDetails>(new ServiceCallException(System.Net.HttpStatusCode.NotFound, "Not found."));

    public override Task<CreatedCustomer> CreateAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        Created.Add(customer);
        var created = new Customer(Guid.NewGuid(), customer.Name);
        Customers.Add(created);
        var admin = customer.InitialAdministrator;
        return Task.FromResult(new CreatedCustomer(created, new Employee(Guid.NewGuid(), created.Id, "new-sub", admin.FirstName, admin.LastName,
            admin.Email, admin.Phone, [DataRoles.CompanyAdmin], [], "Initial-Pa55word")));
    }

    public override Task AssignLocationRoleAsync(Guid customerId, Guid employeeId, Guid locationId, string roleName, CancellationToken cancellationToken = default)
    {
        LocationRoles.Add((customerId, employeeId, locationId, roleName));
        return Task.CompletedTask;
    }
}

public sealed class FakeNotifications() : NotificationsClient(new HttpClient(), null!)
{
    public List<Notification> Items { get; } = [];

    public override Task<IReadOnlyList<Notification>> ListAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<Notification>>(Items.ToList());
}
