using RealGuard.CustomerService.Authorization;

namespace RealGuard.CustomerService.Api;

/// <summary>The RFC 9457 answers of customer-service.</summary>
public static class Problems
{
    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The request has invalid fields; see errors.");

    public static IResult PersonExists() => Conflict("A person with this email already exists.");

    public static IResult IamUnavailable() => TypedResults.Problem(
        "The identity service (IAM) is unavailable, so the person could not be provisioned. Nothing was created; try again later.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    public static IResult CustomerNotFound() => NotFound("No such customer.");

    /// <summary>
    /// Null when <paramref name="access"/> suffices; otherwise 404 to a caller who may not know the customer exists,
    /// and 403 to one of its employees who lacks the role.
    /// </summary>
    public static IResult? Unless(this CustomerAccessLevel access, CustomerAccessLevel required, string action) =>
        access >= required ? null
        : access == CustomerAccessLevel.None ? CustomerNotFound()
        : Forbidden($"Only a company administrator (COMPANY_ROLE_ADMIN) of this customer may {action}.");
}
