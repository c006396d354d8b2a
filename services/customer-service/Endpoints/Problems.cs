using Microsoft.AspNetCore.Http.HttpResults;
using RealGuard.CustomerService.Authorization;

namespace RealGuard.CustomerService.Endpoints;

/// <summary>The RFC 9457 answers of customer-service.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not permitted");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult PersonExists() => Conflict("A person with this email already exists.");

    public static ProblemHttpResult IamUnavailable() => TypedResults.Problem(
        "The identity service (IAM) is unavailable, so the person could not be provisioned. Nothing was created; try again later.",
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Identity service unavailable");

    public static ProblemHttpResult CustomerNotFound() => NotFound("No such customer.");

    /// <summary>
    /// Null when <paramref name="access"/> suffices; otherwise 404 to a caller who may not know the customer exists,
    /// and 403 to one of its employees who lacks the role.
    /// </summary>
    public static ProblemHttpResult? Unless(this CustomerAccessLevel access, CustomerAccessLevel required, string action) =>
        access >= required ? null
        : access == CustomerAccessLevel.None ? CustomerNotFound()
        : Forbidden($"Only a company administrator (COMPANY_ROLE_ADMIN) of this customer may {action}.");
}
