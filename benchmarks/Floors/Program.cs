using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Yarp.ReverseProxy.Configuration;

// The floors of benchmarks/run.sh, one program in three commands:
//   Floors key <file>                                   writes an RSA 2048 key (PEM), the key type of the realm's tokens
//   Floors token <file>                                 prints an RS256 access token signed with it, valid one hour
//   Floors api <file> --urls http://127.0.0.1:P         GET /securitysystems: JwtBearer, the same JSON shape as RealGuard
//   Floors proxy <file> <upstream> --urls http://...    bare YARP with JwtBearer in front of the api floor
const string Issuer = "http://floor.invalid/realms/realguard";
const string Audience = "realguard-api";

switch (args.FirstOrDefault())
{
    case "key":
        using (var rsa = RSA.Create(2048))
        {
            File.WriteAllText(args[1], rsa.ExportRSAPrivateKeyPem());
        }
        return 0;

    case "token":
        Console.WriteLine(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["typ"] = "Bearer",
                ["azp"] = "realguard-mobile",
                ["preferred_username"] = "bob",
                ["scope"] = "openid profile",
                ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "REALGUARDIO_CUSTOMER_EMPLOYEE" } },
            },
            SigningCredentials = new SigningCredentials(LoadKey(args[1]), SecurityAlgorithms.RsaSha256),
        }));
        return 0;

    case "api":
    case "proxy":
        var app = Build(args);
        app.Run();
        return 0;

    default:
        Console.Error.WriteLine("usage: Floors key|token|api|proxy <key file> [upstream] --urls http://127.0.0.1:PORT");
        return 2;
}

static WebApplication Build(string[] args)
{
    var isProxy = args[0] == "proxy";
    var builder = WebApplication.CreateBuilder(args.Skip(isProxy ? 3 : 2).ToArray());
    builder.Logging.ClearProviders();
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = LoadKey(args[1]),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(5),
        };
    });
    builder.Services.AddAuthorization();
    if (isProxy)
    {
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "securitysystems", ClusterId = "api", AuthorizationPolicy = "default", Match = new RouteMatch { Path = "/securitysystems/{**rest}" } }],
            [new ClusterConfig { ClusterId = "api", Destinations = new Dictionary<string, DestinationConfig> { ["api"] = new() { Address = args[2] } } }]);
    }

    var app = builder.Build();
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapGet("/health", () => "Healthy");
    if (isProxy)
    {
        app.MapReverseProxy();
    }
    else
    {
        var systems = new SecuritySystemList([new SecuritySystem(
            Guid.Parse("c0000000-0000-0000-0000-000000000001"), Guid.Parse("b0000000-0000-0000-0000-000000000001"), "Acme HQ", "DISARMED", ["ARM"], 1)]);
        app.MapGet("/securitysystems", () => TypedResults.Ok(systems)).RequireAuthorization();
        app.MapGet("/securitysystems/{id:guid}", (Guid id) => TypedResults.Ok(systems.SecuritySystems[0])).RequireAuthorization();
    }
    return app;
}

static RsaSecurityKey LoadKey(string file)
{
    var rsa = RSA.Create();
    rsa.ImportFromPem(File.ReadAllText(file));
    return new RsaSecurityKey(rsa) { KeyId = "floor" };
}

internal sealed record SecuritySystem(Guid Id, Guid LocationId, string LocationName, string State, string[] Actions, long Version);

internal sealed record SecuritySystemList(IReadOnlyList<SecuritySystem> SecuritySystems);
