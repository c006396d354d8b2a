using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RealGuard.Web.Authentication;
using RealGuard.Web.Endpoints;
using RealGuard.Web.Security;
using RealGuard.Web.Sessions;
using RealGuard.Web.Tokens;

// RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the defaults' handler.
#pragma warning disable EXTEXP0001

namespace RealGuard.Web.Extensions;

/// <summary>
/// Login with OpenID Connect (code flow, PKCE, confidential client) into a cookie that holds only the key of a
/// server-side session; the tokens stay in that session and are refreshed by <see cref="UserTokenManager"/>.
/// </summary>
public static class AuthenticationExtensions
{
    public static IHostApplicationBuilder AddWebAuthentication(this IHostApplicationBuilder builder)
    {
        var keycloak = KeycloakSettings.From(builder.AddKeycloakOptions(requireClient: true));
        var services = builder.Services;
        services.AddSingleton(keycloak);
        services.Configure<UserSessionOptions>(builder.Configuration.GetSection(UserSessionOptions.Section));
        var sessionOptions = builder.Configuration.GetSection(UserSessionOptions.Section).Get<UserSessionOptions>() ?? new UserSessionOptions();
        AddSessionStore(builder, sessionOptions);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                // Pages that need a user go through the login endpoint, which can tell the user when the IAM is down.
                options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "__realguard"; // "__Host-realguard" over https
                options.CookieManager = new HostPrefixCookieManager(new ChunkingCookieManager());
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = sessionOptions.Lifetime;
                options.SlidingExpiration = true;
                options.LoginPath = AuthenticationEndpoints.LoginPath;
                options.ReturnUrlParameter = "returnUrl";
                options.AccessDeniedPath = "/not-allowed";
                options.Events = BffCookieEvents.Create();
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = keycloak.Authority;
                options.RequireHttpsMetadata = keycloak.RequireHttpsMetadata;
                options.ClientId = keycloak.ClientId;
                options.ClientSecret = keycloak.ClientSecret;
                options.ResponseType = "code";
                // The code comes back in the query of a top-level redirect, so the correlation and nonce cookies
                // can be SameSite=Lax (form_post needs SameSite=None, which browsers refuse without https).
                options.ResponseMode = "query";
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("email");
                options.SaveTokens = true; // into the ticket, which ServerSideTicketStore keeps on the server
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.UseTokenLifetime = false;
                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.SignedOutRedirectUri = "/";
                options.TokenValidationParameters.NameClaimType = "preferred_username";
                options.TokenValidationParameters.RoleClaimType = OidcEvents.RoleClaimType;
                options.Events = OidcEvents.Create();
            });

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ITicketStore>((options, store) => options.SessionStore = store);
        services.AddSingleton<ITicketStore, ServerSideTicketStore>();
        services.AddHostedService<ExpiredSessionCleanup>();

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, UserSessionAuthenticationStateProvider>();
        services.AddScoped<CurrentUserSession>();

        services.AddSingleton<IdentityProviderMetadata>();
        services.AddSingleton<IdentityProviderStatus>();
        services.AddSingleton<BackchannelLogoutTokenValidator>();
        services.AddSingleton<ITokenEndpoint, KeycloakTokenEndpoint>();
        services.AddSingleton<UserTokenManager>();
        services.AddTransient<UserAccessTokenHandler>();
        services.AddHttpClient(KeycloakTokenEndpoint.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15))
            .RemoveAllResilienceHandlers();

        return builder;
    }

    private static void AddSessionStore(IHostApplicationBuilder builder, UserSessionOptions options)
    {
        if (string.Equals(options.Store, "File", StringComparison.OrdinalIgnoreCase))
        {
            var folder = options.Path ?? throw new InvalidOperationException("Set Session:Path for the File session store.");
            // The session files are encrypted with data protection: its keys must outlive a restart as well.
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")));
            builder.Services.AddSingleton<IUserSessionStore>(services => new FileUserSessionStore(
                Path.Combine(folder, "sessions"),
                services.GetRequiredService<IDataProtectionProvider>(),
                services.GetRequiredService<ILogger<FileUserSessionStore>>()));
        }
        else
        {
            builder.Services.AddSingleton<IUserSessionStore, InMemoryUserSessionStore>();
        }
    }
}
