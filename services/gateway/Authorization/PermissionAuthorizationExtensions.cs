using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace RealGuard.Gateway.Authorization;

internal static class PermissionAuthorization
{
    public const string PolicyName = "gateway-permission";

    /// <summary>The permission table from configuration (<c>Gateway:Permissions</c>, <c>Gateway:RolePermissions</c>), checked at start.</summary>
    public static IHostApplicationBuilder AddPermissionAuthorization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PermissionOptions>()
            .BindConfiguration(PermissionOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PermissionOptions>, PermissionTableValidator>();
        builder.Services.AddSingleton(services => PermissionMap.Create(services.GetRequiredService<IOptions<PermissionOptions>>().Value));

        builder.Services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, PermissionAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement()));

        return builder;
    }

    // A mistake in the table stops the gateway at start rather than surfacing as 404s and 403s.
    private sealed class PermissionTableValidator : IValidateOptions<PermissionOptions>
    {
        public ValidateOptionsResult Validate(string? name, PermissionOptions options)
        {
            try
            {
                PermissionMap.Create(options);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
