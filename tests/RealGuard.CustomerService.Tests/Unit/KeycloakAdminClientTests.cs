using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RealGuard.CustomerService.Iam;

namespace RealGuard.CustomerService.Tests.Unit;

// The wire format Keycloak's admin REST API expects; the API tests check the same client against the identity provider.
public sealed class KeycloakAdminClientTests
{
    private static readonly IamUser Person = new("Ann", "Smith", "ann@example.com");

    [Fact]
    public async Task Creating_a_user_posts_keycloaks_user_representation_and_returns_the_id_from_location()
    {
        var iam = new FakeIam(_ => Created("http://iam/admin/realms/realguard/users/0b6c5a4e-7f7a-4c53-9f5e-5b2d7b0c1e11"));

        var userId = await Client(iam).CreateUserAsync(Person, "S3cret!password", CancellationToken.None);

        Assert.Equal("0b6c5a4e-7f7a-4c53-9f5e-5b2d7b0c1e11", userId);
        var request = Assert.Single(iam.Requests);
        Assert.Equal("POST http://iam/admin/realms/realguard/users", request.Line);
        using var body = JsonDocument.Parse(request.Body);
        var user = body.RootElement;
        Assert.Equal("ann@example.com", user.GetProperty("username").GetString());
        Assert.Equal("ann@example.com", user.GetProperty("email").GetString());
        Assert.Equal("Ann", user.GetProperty("firstName").GetString());
        Assert.Equal("Smith", user.GetProperty("lastName").GetString());
        Assert.True(user.GetProperty("enabled").GetBoolean());
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        var credential = Assert.Single(user.GetProperty("credentials").EnumerateArray());
        Assert.Equal("password", credential.GetProperty("type").GetString());
        Assert.Equal("S3cret!password", credential.GetProperty("value").GetString());
        Assert.False(credential.GetProperty("temporary").GetBoolean());
    }

    [Fact]
    public async Task An_existing_username_is_a_conflict()
    {
        var iam = new FakeIam(_ => Json(HttpStatusCode.Conflict, """{"errorMessage":"User exists with same username"}"""));

        await Assert.ThrowsAsync<IamConflictException>(() => Client(iam).CreateUserAsync(Person, "pw", CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.OK)] // Created is what Keycloak answers; anything without the new user's URL is a failure.
    public async Task Any_other_answer_means_the_iam_is_unavailable(HttpStatusCode status)
    {
        var iam = new FakeIam(_ => Json(status, "{}"));

        await Assert.ThrowsAsync<IamUnavailableException>(() => Client(iam).CreateUserAsync(Person, "pw", CancellationToken.None));
    }

    [Fact]
    public async Task An_unreachable_iam_is_unavailable()
    {
        var iam = new FakeIam(_ => throw new HttpRequestException("Connection refused"));

        var failure = await Assert.ThrowsAsync<IamUnavailableException>(() => Client(iam).CreateUserAsync(Person, "pw", CancellationToken.None));
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task A_realm_role_is_read_then_mapped_to_the_user_as_keycloak_represents_it()
    {
        const string role = """{"id":"9f1c","name":"REALGUARDIO_CUSTOMER_EMPLOYEE","composite":false,"clientRole":false,"containerId":"realguard"}""";
        var iam = new FakeIam(request => request.Method == HttpMethod.Get
            ? Json(HttpStatusCode.OK, role)
            : new HttpResponseMessage(HttpStatusCode.NoContent));

        await Client(iam).AssignRealmRoleAsync("user-1", "REALGUARDIO_CUSTOMER_EMPLOYEE", CancellationToken.None);

        Assert.Equal(
            ["GET http://iam/admin/realms/realguard/roles/REALGUARDIO_CUSTOMER_EMPLOYEE", "POST http://iam/admin/realms/realguard/users/user-1/role-mappings/realm"],
            iam.Requests.Select(request => request.Line));
        using var mapped = JsonDocument.Parse(iam.Requests[1].Body);
        var mappedRole = Assert.Single(mapped.RootElement.EnumerateArray());
        Assert.Equal("9f1c", mappedRole.GetProperty("id").GetString());
        Assert.Equal("REALGUARDIO_CUSTOMER_EMPLOYEE", mappedRole.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_missing_role_is_a_failure_and_nothing_is_mapped()
    {
        var iam = new FakeIam(_ => Json(HttpStatusCode.NotFound, """{"error":"Could not find role"}"""));

        await Assert.ThrowsAsync<IamUnavailableException>(() =>
            Client(iam).AssignRealmRoleAsync("user-1", "REALGUARDIO_CUSTOMER_EMPLOYEE", CancellationToken.None));
        Assert.Single(iam.Requests);
    }

    private static KeycloakAdminClient Client(FakeIam iam) =>
        new(new HttpClient(iam) { BaseAddress = new Uri("http://iam/admin/realms/realguard/") }, NullLogger<KeycloakAdminClient>.Instance);

    private static HttpResponseMessage Created(string location) =>
        new(HttpStatusCode.Created) { Headers = { Location = new Uri(location) } };

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class FakeIam(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<(string Line, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(($"{request.Method} {request.RequestUri}", body));
            return answer(request);
        }
    }
}
