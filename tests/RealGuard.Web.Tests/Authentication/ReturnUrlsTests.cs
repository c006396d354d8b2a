using RealGuard.Web.Authentication;

namespace RealGuard.Web.Tests.Authentication;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/securitysystems/c0000000-0000-0000-0000-000000000001", "/securitysystems/c0000000-0000-0000-0000-000000000001")]
    [InlineData("/profile?tab=claims", "/profile?tab=claims")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/path\\..\\", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/\r\nLocation: https://evil.example", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Only_local_paths_are_returned_to(string? requested, string expected)
        => Assert.Equal(expected, ReturnUrls.LocalOrRoot(requested));
}
