using System.Text.Json;

namespace RealGuard.SecuritySystemService.Endpoints;

/// <summary>
/// A request body read as a JSON object by hand, so that every fault in it becomes a 400 naming the field
/// (model binding answers a wrong type or an unknown enum value with a 400 that names nothing). An empty body reads
/// as <c>{}</c>, so its missing fields are named too.
/// </summary>
public sealed class JsonRequestBody
{
    /// <summary>Far more than any body of this API needs.</summary>
    public const int MaxBytes = 16 * 1024;

    private readonly Dictionary<string, string[]> errors = [];
    private readonly JsonElement body;

    private JsonRequestBody(JsonElement body) => this.body = body;

    public static async Task<(JsonRequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Send the body as application/json."));
        }

        var content = await ReadAtMostAsync(request.Body, MaxBytes, cancellationToken);
        if (content is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"The body must not exceed {MaxBytes} bytes."));
        }
        if (content.Length == 0)
        {
            return (new JsonRequestBody(JsonDocument.Parse("{}").RootElement), null);
        }

        try
        {
            using var document = JsonDocument.Parse(content.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("body", "The body must be a JSON object."));
            }
            return (new JsonRequestBody(document.RootElement.Clone()), null);
        }
        catch (JsonException)
        {
            return (null, Invalid("body", "The body is not valid JSON."));
        }
    }

    public bool HasErrors => errors.Count > 0;

    private static async Task<MemoryStream?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var content = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return null;
            }
            content.Write(buffer, 0, read);
        }
        return content;
    }

    /// <summary>The field as a non-empty string; otherwise null, with the error recorded.</summary>
    public string? RequiredString(string name)
    {
        if (!TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            AddError(name, $"The {name} field is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            AddError(name, $"The {name} field must be a non-empty string.");
            return null;
        }
        return text;
    }

    /// <summary>The field as a GUID string; otherwise null, with the error recorded.</summary>
    public Guid? RequiredGuid(string name)
    {
        if (RequiredString(name) is not { } text)
        {
            return null;
        }
        if (!Guid.TryParse(text, out var id))
        {
            AddError(name, $"The {name} field must be a GUID, such as \"b0000000-0000-0000-0000-000000000001\".");
            return null;
        }
        return id;
    }

    public void AddError(string name, string message) => errors[name] = [.. errors.GetValueOrDefault(name) ?? [], message];

    public IResult ValidationProblem() => TypedResults.ValidationProblem(errors);

    private static IResult Invalid(string name, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] });

    // JSON property names match case-insensitively, as ASP.NET Core's web defaults do.
    private bool TryGetProperty(string name, out JsonElement value)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
