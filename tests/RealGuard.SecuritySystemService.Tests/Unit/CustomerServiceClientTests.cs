using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealGuard.SecuritySystemService.CustomerService;
using RealGuard.SecuritySystemService.Tests.Infrastructure;
using static RealGuard.SecuritySystemService.Tests.Infrastructure.ScriptedHttpHandler;

namespace RealGuard.SecuritySystemService.Tests.Unit;

/// <summary>The caller's roles from a stand-in customer-service: token relay, what counts as "no roles", what as an outage, caching.</summary>
public sealed class CustomerServiceClientTests
{
    private const string CallerToken = "eyJ.caller.token";
    private static readonly Guid Location = Guid.Parse("b0000000-0000-0000-0000-000000000001");
    private readonly ScriptedHttpHandler customerService = new();
    private readonly IHttpContextAccessor httpContext = new HttpContextAccessor();
    private readonly FakeTimeProvider time = new();
    private readonly LocationRolesCache cache;

    public CustomerServiceClientTests()
    {
        cache = new LocationRolesCache(time);
        SetIncomingAuthorization($"Bearer {CallerToken}");
    }

    [Fact]
    public async Task The_roles_are_asked_for_with_the_callers_own_token()
    {
        customerService.ThenAnswer(Json("""{"roles":["SECURITY_SYSTEM_ARMER"]}"""));

        var roles = await Client().GetRolesAtLocationAsync(Location, CancellationToken.None);

        Assert.Equal(["SECURITY_SYSTEM_ARMER"], roles);
        var request = Assert.Single(customerService.Requests);
        Assert.Equal($"http://customer-service/locations/{Location}/roles", request.Uri.ToString());
        Assert.Equal($"Bearer {CallerToken}", request.Authorization);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_location_customer_service_does_not_show_the_caller_means_no_roles(HttpStatusCode status)
    {
        customerService.ThenAnswer(Status(status));

        Assert.Empty(await Client().GetRolesAtLocationAsync(Location, CancellationToken.None));
    }

    public static TheoryData<string, Func<HttpRequestMessage, HttpResponseMessage>> Outages => new()
    {
        { "500", Status(HttpStatusCode.InternalServerError) },
        { "401", Status(HttpStatusCode.Unauthorized) },
        { "refused", Unreachable },
        { "not JSON", Json("<html>gateway error</html>") },
        { "empty", Json("") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Anything_but_an_answer_makes_customer_service_unavailable(string what, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        customerService.ThenAnswer(answer, answer);

        var failure = await Assert.ThrowsAsync<CustomerServiceUnavailableException>(
            () => Client().GetRolesAtLocationAsync(Location, CancellationToken.None));
        await Assert.ThrowsAsync<CustomerServiceUnavailableException>(() => Client().GetMyLocationRolesAsync(CancellationToken.None));
        Assert.False(failure.ToString().Contains(CallerToken), $"The failure ({what}) mentions the caller's token.");
    }

    [Fact]
    public async Task My_locations_come_with_their_roles()
    {
        var other = Guid.NewGuid();
        customerService.ThenAnswer(Json($$"""
            {"locations":[
              {"id":"{{Location}}","customerId":"a0000000-0000-0000-0000-000000000001","name":"Acme HQ","roles":["SECURITY_SYSTEM_VIEWER"]},
              {"id":"{{other}}","customerId":"a0000000-0000-0000-0000-000000000001","name":"Acme Annex","roles":[]}
            ]}
            """));

        var roles = await Client().GetMyLocationRolesAsync(CancellationToken.None);

        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], roles[Location]);
        Assert.Empty(roles[other]);
        Assert.Equal("/me/locations", customerService.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task The_location_is_read_with_its_name_or_is_unknown()
    {
        customerService.ThenAnswer(
            Json($$"""{"id":"{{Location}}","customerId":"a0000000-0000-0000-0000-000000000001","name":"Acme HQ"}"""),
            Status(HttpStatusCode.NotFound));

        Assert.Equal("Acme HQ", (await Client().GetLocationAsync(Location, CancellationToken.None))?.Name);
        Assert.Null(await Client().GetLocationAsync(Location, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_bearer_token_to_relay_nothing_is_sent()
    {
        SetIncomingAuthorization(null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client().GetRolesAtLocationAsync(Location, CancellationToken.None));
        Assert.Empty(customerService.Requests);
    }

    [Fact]
    public async Task Roles_are_remembered_per_user_and_location()
    {
        customerService.ThenAnswer(Json("""{"roles":["SECURITY_SYSTEM_ARMER"]}"""), Json("""{"roles":["SECURITY_SYSTEM_VIEWER"]}"""));
        var roles = new CallerLocationRoles(Client(), cache);

        var bobFirst = await roles.AtLocationAsync("bob", Location, CancellationToken.None);
        var bobAgain = await roles.AtLocationAsync("bob", Location, CancellationToken.None);
        var dave = await roles.AtLocationAsync("dave", Location, CancellationToken.None);

        Assert.Equal(["SECURITY_SYSTEM_ARMER"], bobFirst);
        Assert.Equal(bobFirst, bobAgain);
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], dave);
        Assert.Equal(2, customerService.Requests.Count);
    }

    [Fact]
    public async Task The_list_call_fills_the_cache_for_the_locations_it_names()
    {
        customerService.ThenAnswer(Json($$"""{"locations":[{"id":"{{Location}}","customerId":"{{Guid.NewGuid()}}","name":"Acme HQ","roles":["SECURITY_SYSTEM_DISARMER"]}]}"""));
        var roles = new CallerLocationRoles(Client(), cache);

        await roles.AtAllLocationsAsync("carol", CancellationToken.None);
        var atLocation = await roles.AtLocationAsync("carol", Location, CancellationToken.None);

        Assert.Equal(["SECURITY_SYSTEM_DISARMER"], atLocation);
        Assert.Single(customerService.Requests);
    }

    [Fact]
    public async Task A_failure_is_not_remembered()
    {
        customerService.ThenAnswer(Unreachable, Json("""{"roles":["SECURITY_SYSTEM_ARMER"]}"""));
        var roles = new CallerLocationRoles(Client(), cache);

        await Assert.ThrowsAsync<CustomerServiceUnavailableException>(() => roles.AtLocationAsync("bob", Location, CancellationToken.None));

        Assert.Equal(["SECURITY_SYSTEM_ARMER"], await roles.AtLocationAsync("bob", Location, CancellationToken.None));
    }

    [Fact]
    public async Task The_list_is_remembered_per_user_for_its_short_lifetime_only()
    {
        customerService.ThenAnswer(MyLocations("SECURITY_SYSTEM_ARMER"), MyLocations("SECURITY_SYSTEM_VIEWER"), MyLocations("SECURITY_SYSTEM_DISARMER"));
        var roles = new CallerLocationRoles(Client(), cache);

        var first = await roles.AtAllLocationsAsync("bob", CancellationToken.None);
        time.Advance(CallerLocationRoles.ListCacheLifetime - TimeSpan.FromMilliseconds(1));
        var again = await roles.AtAllLocationsAsync("bob", CancellationToken.None);
        var dave = await roles.AtAllLocationsAsync("dave", CancellationToken.None);

        Assert.Equal(["SECURITY_SYSTEM_ARMER"], first[Location]);
        Assert.Same(first, again);
        Assert.Equal(["SECURITY_SYSTEM_VIEWER"], dave[Location]);
        Assert.Equal(2, customerService.Requests.Count);
    }

    [Fact]
    public async Task A_role_withdrawn_leaves_the_list_within_the_list_lifetime()
    {
        customerService.ThenAnswer(MyLocations("SECURITY_SYSTEM_ARMER"), Json("""{"locations":[]}"""));
        var roles = new CallerLocationRoles(Client(), cache);

        Assert.Contains(Location, await roles.AtAllLocationsAsync("bob", CancellationToken.None));
        time.Advance(CallerLocationRoles.ListCacheLifetime);

        Assert.Empty(await roles.AtAllLocationsAsync("bob", CancellationToken.None));
        Assert.Equal(2, customerService.Requests.Count);
    }

    [Fact]
    public async Task A_role_withdrawn_at_a_location_takes_effect_within_the_cache_lifetime()
    {
        customerService.ThenAnswer(Json("""{"roles":["SECURITY_SYSTEM_DISARMER"]}"""), Status(HttpStatusCode.NotFound));
        var roles = new CallerLocationRoles(Client(), cache);

        Assert.Equal(["SECURITY_SYSTEM_DISARMER"], await roles.AtLocationAsync("carol", Location, CancellationToken.None));
        time.Advance(CallerLocationRoles.CacheLifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["SECURITY_SYSTEM_DISARMER"], await roles.AtLocationAsync("carol", Location, CancellationToken.None));
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Empty(await roles.AtLocationAsync("carol", Location, CancellationToken.None));
        Assert.Equal(2, customerService.Requests.Count);
    }

    [Fact]
    public void The_cache_holds_at_most_its_bound()
    {
        using var small = new LocationRolesCache(time, maxEntries: 10);
        for (var i = 0; i < 50; i++)
        {
            small.Set(("user", i), new HashSet<string>(), TimeSpan.FromMinutes(1));
        }

        Assert.InRange(small.Count, 1, 10);
    }

    [Fact]
    public async Task Concurrent_misses_of_one_user_share_one_call_and_a_failure_is_not_kept()
    {
        var calls = 0;
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string> Obtain()
        {
            Interlocked.Increment(ref calls);
            return answer.Task;
        }

        var waiting = Enumerable.Range(0, 16)
            .Select(_ => cache.GetOrAddAsync("bob", TimeSpan.FromSeconds(5), Obtain, CancellationToken.None)).ToArray();
        answer.SetException(new CustomerServiceUnavailableException("down"));
        foreach (var request in waiting)
        {
            await Assert.ThrowsAsync<CustomerServiceUnavailableException>(() => request);
        }

        Assert.Equal("up", await cache.GetOrAddAsync("bob", TimeSpan.FromSeconds(5), () => Task.FromResult("up"), CancellationToken.None));
        Assert.Equal(1, calls);
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> MyLocations(string role)
        => Json($$"""{"locations":[{"id":"{{Location}}","customerId":"{{Guid.NewGuid()}}","name":"Acme HQ","roles":["{{role}}"]}]}""");

    private CustomerServiceClient Client() => new(
        new HttpClient(new BearerTokenRelayHandler(httpContext) { InnerHandler = customerService })
        {
            BaseAddress = new Uri("http://customer-service"),
        },
        NullLogger<CustomerServiceClient>.Instance);

    private void SetIncomingAuthorization(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        httpContext.HttpContext = context;
    }
}
