using System.Text.Json;

namespace RealGuard.CustomerService.Tests.Infrastructure;

public static class Json
{
    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new Xunit.Sdk.XunitException($"'{property}' is null in {element}");

    public static Guid Id(this JsonElement element, string property = "id") => Guid.Parse(element.Str(property));

    public static string[] Strings(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToArray();

    public static JsonElement[] Items(this JsonElement element, string property) => element.GetProperty(property).EnumerateArray().ToArray();

    public static bool Has(this JsonElement element, string property) => element.TryGetProperty(property, out _);

    /// <summary>The realm roles in an access token (its <c>realm_access.roles</c>), read without validating it.</summary>
    public static string[] RealmRolesOf(string accessToken)
    {
        var payload = accessToken.Split('.')[1];
        using var document = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
        return document.RootElement.GetProperty("realm_access").Strings("roles");
    }
}
