using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RealGuard.CustomerService.Api;

/// <summary>
/// A request body that cannot be bound becomes a problem that says what to fix: JSON that does not parse, or holds a
/// value of the wrong type, is a 400 validation problem naming the field (from the reader's JSON path); a missing body
/// or another media type gets a fixed sentence rather than the framework's message, which names C# types.
/// </summary>
public sealed class BadRequestBodyHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        ProblemDetails problem = bad.InnerException is JsonException json
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(json.Path)] = [MessageFor(FieldOf(json.Path))] })
            {
                Detail = "The request body could not be read; see errors.",
            }
            : new ProblemDetails
            {
                Detail = bad.StatusCode switch
                {
                    StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    _ => "The request body is missing or is not a JSON object.",
                },
            };
        problem.Status = bad.StatusCode;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    // "$.initialAdministrator.email" → "initialAdministrator.email"; the root, or no path, → "body".
    internal static string FieldOf(string? path) =>
        path is null || !path.StartsWith("$.", StringComparison.Ordinal) || path.Length == 2 ? "body" : path[2..];

    private static string MessageFor(string field) =>
        field == "body" ? "The request body is not valid JSON." : "Not a valid value here: a JSON string is expected.";
}
