using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RealGuard.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A Keycloak-shaped issuer on loopback: the realm's discovery document and JWKS, with keys the test
/// publishes and counters for how often a resource server fetched them.
/// </summary>
public sealed class FakeKeycloak : IAsyncDisposable
{
    public const string Realm = "realguard";

    private readonly WebApplication _app;
    private volatile SigningKey[] _publishedKeys;
    private int _metadataRequests;
    private int _jwksRequests;

    private FakeKeycloak(WebApplication app, SigningKey[] keys)
    {
        _app = app;
        _publishedKeys = keys;
    }

    /// <summary>http://localhost:{port}, as Keycloak's base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Issuer => $"{BaseUrl}/realms/{Realm}";

    /// <summary>The issuer the discovery document names; the realm's own issuer unless a test changes it.</summary>
    public string? AdvertisedIssuer { get; set; }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>Replaces the realm's published key set, as a key rotation in Keycloak does.</summary>
    public void Publish(params SigningKey[] keys) => _publishedKeys = keys;

    public static async Task<FakeKeycloak> StartAsync(params SigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var app = builder.Build();
        var keycloak = new FakeKeycloak(app, keys);

        app.MapGet($"/realms/{Realm}/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref keycloak._metadataRequests);
            return Json(keycloak.DiscoveryDocument());
        });

        app.MapGet($"/realms/{Realm}/protocol/openid-connect/certs", () =>
        {
            Interlocked.Increment(ref keycloak._jwksRequests);
            return Json(new JsonObject
            {
                ["keys"] = new JsonArray([.. keycloak._publishedKeys.Select(key => (JsonNode)key.ToPublicJwk())]),
            });
        });

        await app.StartAsync();

        var port = new Uri(app.Urls.Single()).Port;
        keycloak.BaseUrl = $"http://localhost:{port}";

        return keycloak;
    }

    private JsonObject DiscoveryDocument()
    {
        var openIdConnect = $"{Issuer}/protocol/openid-connect";
        return new JsonObject
        {
            ["issuer"] = AdvertisedIssuer ?? Issuer,
            ["authorization_endpoint"] = $"{openIdConnect}/auth",
            ["token_endpoint"] = $"{openIdConnect}/token",
            ["introspection_endpoint"] = $"{openIdConnect}/token/introspect",
            ["userinfo_endpoint"] = $"{openIdConnect}/userinfo",
            ["end_session_endpoint"] = $"{openIdConnect}/logout",
            ["revocation_endpoint"] = $"{openIdConnect}/revoke",
            ["jwks_uri"] = $"{openIdConnect}/certs",
            ["grant_types_supported"] = new JsonArray("authorization_code", "refresh_token", "client_credentials"),
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public", "pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256", "PS256", "ES256"),
            ["code_challenge_methods_supported"] = new JsonArray("plain", "S256"),
        };
    }

    private static IResult Json(JsonObject body)
        => Results.Text(body.ToJsonString(), "application/json");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
