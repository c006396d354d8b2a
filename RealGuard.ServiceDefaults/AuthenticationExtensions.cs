using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using RealGuard.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

// Keycloak resource-server authentication on plain JwtBearer. A small stand-in for Keycloak.AuthServices,
// which this machine's NuGet mirror lacks: this file, KeycloakJwtBearerEvents and the roles transformation
// are all there is to swap.
public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates Keycloak access tokens (JWT bearer) issued by realm <c>Keycloak:Realm</c> at
    /// <c>Keycloak:AuthServerUrl</c> for audience <c>Keycloak:Audience</c> (default "realguard-api"),
    /// and maps Keycloak's realm and client roles to role claims.
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var keycloak = builder.AddKeycloakOptions();
        var authority = keycloak.Authority;
        var audience = keycloak.Audience;

        UseBlockingSigningKeyRefresh();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.Audience = audience;
                options.RequireHttpsMetadata = keycloak.RequireHttpsMetadata;
                options.MapInboundClaims = false;

                // Signing keys come from the realm's JWKS and are cached. A token with an unknown kid triggers
                // a refetch, at most once a minute so forged kids cannot hammer Keycloak; keys removed from
                // the realm stop being trusted within the hour.
                options.RefreshOnIssuerKeyNotFound = true;
                options.RefreshInterval = TimeSpan.FromMinutes(1);
                options.AutomaticRefreshInterval = TimeSpan.FromHours(1);

                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = authority,
                    // The default validator would also accept whatever issuer the metadata document names.
                    IssuerValidator = (issuer, _, _) => string.Equals(issuer, authority, StringComparison.Ordinal)
                        ? issuer
                        : throw new SecurityTokenInvalidIssuerException("The token issuer is not the configured realm.") { InvalidIssuer = issuer },
                    ValidAudience = audience,
                    IgnoreTrailingSlashWhenValidatingAudience = false,
                    RequireExpirationTime = true,
                    // Access tokens live about two minutes: the default five-minute skew would more than double that.
                    ClockSkew = TimeSpan.FromSeconds(5),
                    RequireSignedTokens = true,
                    ValidAlgorithms =
                    [
                        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
                        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
                    ],
                    NameClaimType = "preferred_username",
                    RoleClaimType = KeycloakRolesClaimsTransformation.RoleClaimType,
                };

                options.Events = KeycloakJwtBearerEvents.Create();
            });

        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IClaimsTransformation>(new KeycloakRolesClaimsTransformation(audience));

        // JwtBearerHandler logs each rejected token with its exception and stack trace;
        // KeycloakJwtBearerEvents logs one line per rejection instead.
        builder.Logging.AddFilter(typeof(JwtBearerHandler).FullName, LogLevel.Warning);

        return builder;
    }

    // IdentityModel 8 refetches the JWKS in the background by default, so the first token signed by a key
    // Keycloak has just rotated in would be refused. In blocking mode the handler refetches (still throttled
    // by RefreshInterval) and validates that same token again. The switch is process-wide; a value set
    // explicitly (runtimeconfig.json) wins.
    private static void UseBlockingSigningKeyRefresh()
    {
        const string UpdateConfigAsBlocking = "Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking";
        if (!AppContext.TryGetSwitch(UpdateConfigAsBlocking, out _))
        {
            AppContext.SetSwitch(UpdateConfigAsBlocking, true);
        }
    }
}
