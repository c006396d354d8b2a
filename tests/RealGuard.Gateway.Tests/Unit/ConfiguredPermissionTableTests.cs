using Microsoft.Extensions.Configuration;
using RealGuard.Gateway.Tests.Infrastructure;
using RealGuard.Gateway.Authorization;

namespace RealGuard.Gateway.Tests.Unit;

/// <summary>The permission table the gateway ships with (services/gateway/appsettings.json), as API clients meet it.</summary>
public sealed class ConfiguredPermissionTableTests
{
    private const string Admin = "REALGUARDIO_ADMIN";
    private const string Employee = "REALGUARDIO_CUSTOMER_EMPLOYEE";
    private const string Device = "alarms:raise";

    private static readonly PermissionMap Table = PermissionMap.Create(new ConfigurationBuilder()
        .AddJsonFile(Repository.PathOf("services", "gateway", "appsettings.json"))
        .Build()
        .GetSection(PermissionOptions.SectionName)
        .Get<PermissionOptions>()!);

    [Theory]
    [InlineData(Employee, "GET", "/securitysystems")]
    [InlineData(Employee, "GET", "/securitysystems/c0000000-0000-0000-0000-000000000001")]
    [InlineData(Employee, "PUT", "/securitysystems/c0000000-0000-0000-0000-000000000001")]
    [InlineData(Employee, "GET", "/securitysystems/c0000000-0000-0000-0000-000000000001/audit")]
    [InlineData(Employee, "GET", "/customers")]
    [InlineData(Employee, "GET", "/customers/a0000000-0000-0000-0000-000000000001")]
    [InlineData(Employee, "POST", "/customers/a0000000-0000-0000-0000-000000000001/employees")]
    [InlineData(Employee, "PUT", "/customers/a0000000-0000-0000-0000-000000000001/location-roles")]
    [InlineData(Employee, "PUT", "/customers/a0000000-0000-0000-0000-000000000001/teams/t1/location-roles")]
    [InlineData(Employee, "GET", "/locations/b0000000-0000-0000-0000-000000000001/roles")]
    [InlineData(Employee, "GET", "/me/locations")]
    [InlineData(Employee, "GET", "/notifications")]
    [InlineData(Admin, "POST", "/customers")]
    [InlineData(Admin, "POST", "/securitysystems")]
    [InlineData(Admin, "GET", "/securitysystems")]
    [InlineData(Admin, "GET", "/locations/b0000000-0000-0000-0000-000000000001/people")]
    [InlineData(Device, "POST", "/securitysystems/c0000000-0000-0000-0000-000000000001/alarms")]
    public void Allowed(string role, string method, string path) =>
        Assert.Equal(Verdict.Allowed, Judge(role, method, path));

    [Theory]
    [InlineData(Employee, "POST", "/customers")]
    [InlineData(Employee, "POST", "/securitysystems")]
    [InlineData(Employee, "POST", "/securitysystems/c0000000-0000-0000-0000-000000000001/alarms")]
    [InlineData(Employee, "GET", "/locations/b0000000-0000-0000-0000-000000000001/people")]
    [InlineData(Admin, "PUT", "/securitysystems/c0000000-0000-0000-0000-000000000001")]
    [InlineData(Admin, "POST", "/securitysystems/c0000000-0000-0000-0000-000000000001/alarms")]
    [InlineData(Device, "GET", "/securitysystems")]
    [InlineData(Device, "PUT", "/securitysystems/c0000000-0000-0000-0000-000000000001")]
    [InlineData("offline_access", "GET", "/securitysystems")]
    public void Forbidden(string role, string method, string path) =>
        Assert.Equal(Verdict.Forbidden, Judge(role, method, path));

    [Theory]
    [InlineData("POST", "/notifications/events")]
    [InlineData("DELETE", "/customers/a0000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/customers/a0000000-0000-0000-0000-000000000001/secrets")]
    [InlineData("GET", "/me")]
    [InlineData("GET", "/securitysystems/c0000000-0000-0000-0000-000000000001/alarms")]
    public void Not_exposed_at_the_gateway(string method, string path)
    {
        Assert.Equal(Verdict.NotExposed, Judge(Admin, method, path));
        Assert.Equal(Verdict.NotExposed, Judge(Employee, method, path));
    }

    private static Verdict Judge(string role, string method, string path)
    {
        var permissions = Table.PermissionsFor(method, path);
        return permissions.Count == 0 ? Verdict.NotExposed
            : permissions.Any(permission => Table.Grants([role], permission)) ? Verdict.Allowed
            : Verdict.Forbidden;
    }

    public enum Verdict { Allowed, Forbidden, NotExposed }
}
