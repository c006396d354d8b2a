using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using RealGuard.SecuritySystemService.Endpoints;

namespace RealGuard.SecuritySystemService.Tests.Unit;

public sealed class JsonRequestBodyTests
{
    [Theory]
    [InlineData("", "action")]
    [InlineData("{}", "action")]
    [InlineData("""{"action":null}""", "action")]
    [InlineData("""{"action":5}""", "action")]
    [InlineData("""{"action":""}""", "action")]
    [InlineData("""{"action":["ARM"]}""", "action")]
    [InlineData("[]", "body")]
    [InlineData("{\"action\":", "body")]
    [InlineData("ARM", "body")]
    public async Task Each_fault_names_the_field_it_is_in(string json, string field)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync(Request(json), CancellationToken.None);
        if (body is not null)
        {
            Assert.Null(body.RequiredString("action"));
            problem = body.ValidationProblem();
        }

        var validation = Assert.IsType<ValidationProblem>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, validation.StatusCode);
        Assert.Equal([field], validation.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task Fields_are_matched_case_insensitively_as_aspnet_core_does()
    {
        var (body, _) = await JsonRequestBody.ReadAsync(Request("""{"Action":"ARM"}"""), CancellationToken.None);

        Assert.Equal("ARM", body!.RequiredString("action"));
        Assert.False(body.HasErrors);
    }

    [Theory]
    [InlineData("""{"locationId":"not-a-guid"}""")]
    [InlineData("""{"locationId":42}""")]
    [InlineData("""{}""")]
    public async Task A_location_id_must_be_a_guid(string json)
    {
        var (body, _) = await JsonRequestBody.ReadAsync(Request(json), CancellationToken.None);

        Assert.Null(body!.RequiredGuid("locationId"));
        var validation = Assert.IsType<ValidationProblem>(body.ValidationProblem());
        Assert.Equal(["locationId"], validation.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_such()
    {
        var (body, problem) = await JsonRequestBody.ReadAsync(Request("action=ARM", "application/x-www-form-urlencoded"), CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, Assert.IsType<ProblemHttpResult>(problem).StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_unread()
    {
        var json = JsonSerializer.Serialize(new { action = new string('A', JsonRequestBody.MaxBytes) });

        var (body, problem) = await JsonRequestBody.ReadAsync(Request(json), CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(problem).StatusCode);
    }

    private static HttpRequest Request(string body, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = body.Length == 0 ? null : contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }
}
