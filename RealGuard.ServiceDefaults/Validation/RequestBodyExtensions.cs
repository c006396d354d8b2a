using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RealGuard.ServiceDefaults.Validation;

namespace Microsoft.Extensions.Hosting;

// One way to refuse bad input in every service: request records validated by .NET's minimal-API validation
// (the service calls builder.Services.AddValidation(), whose source generator sees the service's own types), and
// what binding refuses before validation (unreadable JSON, a key given twice, a wrong type, another media type)
// turned into a problem naming the field by BadRequestBodyHandler. UseDefaultExceptionHandler writes them.
public static class RequestBodyExtensions
{
    public static TBuilder AddRequestBodyDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Bad requests throw in every environment, not only in Development, so that BadRequestBodyHandler reports them.
        // It also keeps a handler from running after a parameter failed to parse (dotnet/aspnetcore#64341: with
        // AddValidation, the 400 is set but the handler runs all the same).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // {"action":"ARM","action":"DISARM"} is refused rather than read as its last value.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.AllowDuplicateProperties = false);

        builder.Services.AddExceptionHandler<BadRequestBodyHandler>();

        // Validation names members as C# does (InitialAdministrator.Email); clients sent, and read, camelCase JSON.
        builder.Services.Configure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.ProblemDetails is HttpValidationProblemDetails validation)
                {
                    ValidationErrorNames.ToJsonNames(validation.Errors);
                }
            };
        });
        return builder;
    }
}
