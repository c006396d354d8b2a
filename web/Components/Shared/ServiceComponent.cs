using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealGuard.Web.Authentication;
using RealGuard.Web.Clients;
using RealGuard.Web.Tokens;

namespace RealGuard.Web.Components.Shared;

/// <summary>
/// A page that calls the services: turns what can go wrong into something the page shows (<see cref="Problem"/>)
/// instead of an exception that would end the circuit.
/// </summary>
public abstract class ServiceComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource disposed = new();

    [Inject]
    private AuthenticationStateProvider AuthenticationState { get; set; } = default!;

    protected ServiceProblem? Problem { get; private set; }

    protected CancellationToken Disposed => disposed.Token;

    /// <summary>Runs a call; true when it succeeded. A failure sets <see cref="Problem"/>; a success clears it.</summary>
    protected async Task<bool> CallAsync(Func<CancellationToken, Task> call)
    {
        try
        {
            await call(disposed.Token);
            Problem = null;
            return true;
        }
        catch (UserSessionEndedException)
        {
            Problem = new ServiceProblem(ServiceProblemKind.SessionEnded, "Your session has ended. Log in again to continue.");
            (AuthenticationState as UserSessionAuthenticationStateProvider)?.SignOutEndedSession();
        }
        catch (IdentityProviderUnavailableException)
        {
            Problem = new ServiceProblem(ServiceProblemKind.IdentityProviderUnavailable,
                "The identity provider is unavailable, so your session cannot be renewed right now. This page tries again by itself.");
        }
        catch (ServiceCallException e) when (e.IsForbidden)
        {
            Problem = new ServiceProblem(ServiceProblemKind.NotAllowed, e.Message);
        }
        catch (ServiceCallException e) when (e.IsNotFound)
        {
            Problem = new ServiceProblem(ServiceProblemKind.NotFound, e.Message);
        }
        catch (ServiceCallException e)
        {
            Problem = new ServiceProblem(ServiceProblemKind.Failed, e.Message, e.Errors);
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
        }

        return false;
    }

    protected void ClearProblem() => Problem = null;

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
        Dispose(true);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

public enum ServiceProblemKind { Failed, NotAllowed, NotFound, SessionEnded, IdentityProviderUnavailable }

public sealed record ServiceProblem(ServiceProblemKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Errors = null);
