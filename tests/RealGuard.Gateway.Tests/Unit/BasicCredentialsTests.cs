using System.Text;
using RealGuard.Gateway.Authentication;

namespace RealGuard.Gateway.Tests.Unit;

public sealed class BasicCredentialsTests
{
    [Fact]
    public void Client_id_and_secret_are_read_from_the_Basic_header()
    {
        Assert.True(BasicCredentials.TryParse(Basic("acme-integration:acme-integration-dev-secret"), out var credentials));

        Assert.Equal("acme-integration", credentials.ClientId);
        Assert.Equal("acme-integration-dev-secret", credentials.ClientSecret);
    }

    [Fact]
    public void A_secret_may_contain_colons_a_client_id_may_not()
    {
        Assert.True(BasicCredentials.TryParse(Basic("client:se:cr:et"), out var credentials));

        Assert.Equal("client", credentials.ClientId);
        Assert.Equal("se:cr:et", credentials.ClientSecret);
    }

    [Theory]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic ")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    [InlineData("Basicx")]
    public void Anything_but_well_formed_Basic_credentials_is_not_read(string header) =>
        Assert.False(BasicCredentials.TryParse(header, out _));

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":secret-without-client")]
    [InlineData("client-without-secret:")]
    public void Both_parts_are_required(string userPass) =>
        Assert.False(BasicCredentials.TryParse(Basic(userPass), out _));

    [Theory]
    [InlineData("Basic abc", true)]
    [InlineData("basic abc", true)]
    [InlineData("Bearer abc", false)]
    [InlineData(null, false)]
    public void The_scheme_is_recognised_case_insensitively(string? header, bool isBasic) =>
        Assert.Equal(isBasic, BasicCredentials.IsBasic(header));

    [Fact]
    public void The_secret_never_appears_in_the_text_of_the_credentials()
    {
        BasicCredentials.TryParse(Basic("acme-integration:acme-integration-dev-secret"), out var credentials);

        Assert.DoesNotContain("dev-secret", credentials!.ToString());
        Assert.Contains("acme-integration", credentials.ToString());
    }

    private static string Basic(string userPass) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));
}
