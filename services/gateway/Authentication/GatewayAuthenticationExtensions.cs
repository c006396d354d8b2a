using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace RealGuard.Gateway.Authentication;

// Two ways in: a Bearer access token of the realm (mobile apps, third parties with their own token), validated by
// ServiceDefaults' JwtBearer scheme; or API credentials (Basic), exchanged for a token by the gateway. A policy
// scheme picks one by the Authorization header, so each request is authenticated exactly one way.
internal static class GatewayAuthenticationExtensions
{
    public const string GatewayScheme = "Gateway";

    public static IHostApplicationBuilder AddGatewayAuthentication(this IHostApplicationBuilder builder)
    {
        var tokenEndpoint = builder.AddKeycloakOptions().TokenEndpoint;

        builder.Services.AddSingleton(new ClientTokenCacheOptions(tokenEndpoint));
        builder.Services.AddHttpClient(ClientTokenCacheOptions.HttpClientName);
        var failedCredentials = builder.Configuration.GetSection("Gateway:FailedCredentials");
        builder.Services.AddSingleton(services => new FailedCredentialsThrottle(services.GetRequiredService<TimeProvider>(),
            failedCredentials.GetValue("MaxFailures", 10), failedCredentials.GetValue("Window", TimeSpan.FromMinutes(1))));
        builder.Services.AddSingleton<ClientTokenCache>();

        builder.Services.AddAuthentication(GatewayScheme)
            .AddPolicyScheme(GatewayScheme, "Bearer token or API client credentials", options =>
                options.ForwardDefaultSelector = context => BasicCredentials.IsBasic(context.Request.Headers.Authorization)
                    ? ClientCredentialsAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ClientCredentialsAuthenticationHandler>(ClientCredentialsAuthenticationHandler.SchemeName, null);

        // The token obtained for client credentials goes through the very same validation as a presented Bearer token.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var readFromRequest = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = context =>
            {
                if (ForwardedAccessToken.Of(context.HttpContext) is { } obtained)
                {
                    context.Token = obtained;
                    return Task.CompletedTask;
                }

                return readFromRequest(context);
            };
        });

        return builder;
    }
}
