using Microsoft.AspNetCore.Http.HttpResults;
using RealGuard.SecuritySystemService.Domain;

namespace RealGuard.SecuritySystemService.Endpoints;

/// <summary>The RFC 9457 problems the security-system endpoints answer with.</summary>
public static class SecuritySystemProblems
{
    /// <summary>Also for a system the caller may not view: they must not learn that it exists.</summary>
    public static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Security system not found",
        detail: $"There is no security system {id}.");

    public static ProblemHttpResult MayNotTake(SecuritySystemAction action) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Action not permitted",
        detail: $"You may view this security system but not {action.ToWireName()} it: that takes the role " +
                $"{LocationRoles.RequiredFor(action)} at its location.");

    /// <summary>
    /// <c>allowedActions</c> are the actions the system's state allows, whoever asks (RealGuardIO's
    /// <c>SecuritySystemState.allowedActions()</c>); the caller's own are in the resource's <c>actions</c>.
    /// </summary>
    public static ProblemHttpResult InvalidTransition(SecuritySystem system, SecuritySystemAction action) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Invalid transition",
        detail: $"{action.ToWireName()} is not possible while the security system is {system.State.ToWireName()}.",
        extensions: new Dictionary<string, object?>
        {
            ["state"] = system.State.ToWireName(),
            ["allowedActions"] = SecuritySystemStateMachine.ActionsAllowedIn(system.State).Select(allowed => allowed.ToWireName()).ToArray(),
        });

    public static ProblemHttpResult NotArmed(SecuritySystem system) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Not armed",
        detail: $"Only an ARMED security system can raise an alarm; this one is {system.State.ToWireName()}.",
        extensions: new Dictionary<string, object?> { ["state"] = system.State.ToWireName() });

    public static ProblemHttpResult ChangedConcurrently() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Changed concurrently",
        detail: "Someone changed this security system at the same moment. Reload it and try again.");

    /// <summary>
    /// A stale <c>If-Match</c> is 412 Precondition Failed (RFC 9110 13.1.1), not 409: the request is refused for the
    /// condition the client set, before the state machine is asked.
    /// </summary>
    public static ProblemHttpResult StaleVersion(SecuritySystem system) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, title: "Version changed",
        detail: $"The security system is at version {system.Version} now; the If-Match header names another. Reload it and try again.",
        extensions: new Dictionary<string, object?> { ["version"] = system.Version });

    public static ValidationProblem MalformedIfMatch() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["If-Match"] = ["The If-Match header must be a list of entity tags, such as \"3\"."] },
        title: "Invalid request", detail: "The request has invalid fields; see errors.");

    public static ProblemHttpResult LocationNotFound(Guid locationId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Location not found",
        detail: $"There is no location {locationId}.");

    public static ProblemHttpResult LocationHasSystem(Guid locationId) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Location already has a security system",
        detail: $"Location {locationId} already has a security system.");

    public static ProblemHttpResult CustomerServiceUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Authorization data unavailable",
        detail: "customer-service, which knows your roles at locations, cannot be reached. Try again shortly.");
}
