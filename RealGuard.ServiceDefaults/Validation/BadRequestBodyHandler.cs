using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace RealGuard.ServiceDefaults.Validation;

/// <summary>
/// A request that minimal-API binding refuses (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>) becomes a problem
/// that says what to fix, never the framework's message (which names C# types):
/// JSON that does not parse, holds a value of the wrong type or a key twice is a 400 naming the field (from the
/// reader's JSON path); a missing body is read as <c>{}</c> and validated, so its required fields are named as they
/// would be in an empty object; a route or query value that does not parse is a 400 naming the parameter; another
/// media type is 415, a body over the limit 413.
/// </summary>
public sealed class BadRequestBodyHandler(IProblemDetailsService problemDetails, IOptions<JsonOptions> json) : IExceptionHandler
{
    public const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Title = "Unsupported media type",
                Detail = "Send the request body as application/json.",
            },
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Title = "Request body too large",
                Detail = "The request body is too large.",
            },
            StatusCodes.Status400BadRequest => await InvalidAsync(httpContext, bad, cancellationToken),
            _ => new ProblemDetails { Detail = "The request could not be read." },
        };
        problem.Status = bad.StatusCode;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private async Task<ProblemDetails> InvalidAsync(HttpContext httpContext, BadHttpRequestException bad, CancellationToken cancellationToken)
    {
        var errors = bad.InnerException is JsonException unreadable
            ? new Dictionary<string, string[]> { [FieldOf(unreadable)] = [MessageFor(unreadable)] }
            : ParameterOf(bad.Message) is { } parameter
                ? new Dictionary<string, string[]> { [parameter] = ["Not a valid value."] }
                : await EmptyBodyErrorsAsync(httpContext, cancellationToken);
        return new HttpValidationProblemDetails(errors)
        {
            Title = "Invalid request",
            Detail = "The request has invalid fields; see errors.",
        };
    }

    /// <summary>The errors an empty JSON object would get: a missing body is no more precise a mistake than <c>{}</c>.</summary>
    // ASP0029: the resolver API the framework's own validation filter uses is marked as being evaluated; it is used here
    // only to give a missing body the same errors as {} (a test covers it, so a change in it is noticed).
#pragma warning disable ASP0029
    private async Task<Dictionary<string, string[]>> EmptyBodyErrorsAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        // The exception handler clears the request's endpoint; its feature keeps the one that threw.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var validation = httpContext.RequestServices.GetService<IOptions<ValidationOptions>>()?.Value;
        if (requestType is not null && validation is not null && validation.TryGetValidatableTypeInfo(requestType, out var info)
            && JsonSerializer.Deserialize("{}", requestType, json.Value.SerializerOptions) is { } empty)
        {
            var context = new ValidateContext
            {
                ValidationOptions = validation,
                ValidationContext = new System.ComponentModel.DataAnnotations.ValidationContext(empty, httpContext.RequestServices, null),
            };
            await info.ValidateAsync(empty, context, cancellationToken);
            if (context.ValidationErrors is { Count: > 0 } errors)
            {
                return new Dictionary<string, string[]>(errors);
            }
        }
        return new Dictionary<string, string[]> { [BodyField] = ["A JSON object is required."] };
    }
#pragma warning restore ASP0029

    // A value of the wrong type, or given twice, is the field's fault: "$.initialAdministrator.email" →
    // "initialAdministrator.email". Text that is not JSON at all (the reader's own exception inside) is the body's,
    // wherever the reader stopped; so is anything at the root.
    internal static string FieldOf(JsonException exception) =>
        exception.InnerException is JsonException || exception.Path is not { Length: > 2 } path || !path.StartsWith("$.", StringComparison.Ordinal)
            ? BodyField
            : path[2..];

    private static string MessageFor(JsonException exception) => FieldOf(exception) == BodyField
        ? "The request body is not a valid JSON object."
        : exception.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
            ? "The field is given more than once."
            : "Not a valid value here: a JSON string is expected.";

    // Minimal APIs say which parameter failed to parse as: Failed to bind parameter "Guid id" from "abc".
    private static string? ParameterOf(string message)
    {
        const string Prefix = "Failed to bind parameter \"";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = message.IndexOf('"', Prefix.Length);
        return end < 0 ? null : message[Prefix.Length..end].Split(' ').Last();
    }
}
