using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RealGuard.ServiceDefaults.Validation;

namespace RealGuard.ServiceDefaults.Tests;

/// <summary>
/// What every service gets from AddRequestBodyDefaults and UseDefaultExceptionHandler, over real HTTP: binding failures
/// as problems naming the field, and no handler run after a parameter failed to parse (dotnet/aspnetcore#64341).
/// </summary>
public sealed class RequestBodyTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient http = null!;
    private int handlerRuns;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddValidation();
        builder.AddRequestBodyDefaults();
        app = builder.Build();
        app.UseDefaultExceptionHandler();
        app.MapGet("/items/{id}", (Guid id) => Ran(id));
        app.MapGet("/items", (int count) => Ran(count));
        app.MapPost("/items", (ItemRequest item) => Ran(item.Name));
        await app.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("/items/not-a-guid", "id")]
    [InlineData("/items?count=many", "count")]
    public async Task A_route_or_query_value_that_does_not_parse_is_400_naming_it_and_the_handler_does_not_run(string path, string parameter)
    {
        using var response = await http.GetAsync(path);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Equal(0, handlerRuns);
    }

    [Theory]
    [InlineData("""{"name":"a","name":"b"}""", "name")]
    [InlineData("""{"name":"a","NAME":"b"}""", "name")]
    [InlineData("""{"name":5}""", "name")]
    [InlineData("""{"tags":["a",{"b":1}]}""", "tags[1]")]
    [InlineData("""{"name":""", "body")]
    [InlineData("[1]", "body")]
    public async Task A_body_that_cannot_be_bound_is_400_naming_the_field(string json, string field)
    {
        using var response = await http.PostAsync("/items", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, handlerRuns);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    public async Task A_body_not_declared_json_is_415(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"a"}"""));
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await http.PostAsync("/items", content);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, handlerRuns);
    }

    [Fact]
    public async Task Problems_for_bad_input_never_show_framework_messages()
    {
        using var response = await http.PostAsync("/items", new StringContent("""{"name":5}""", Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ItemRequest", text);
        Assert.DoesNotContain("System.", text);
    }

    [Theory]
    [InlineData("InitialAdministrator.Email", "initialAdministrator.email")]
    [InlineData("Items[0].Name", "items[0].name")]
    [InlineData("If-Match", "If-Match")]
    [InlineData("body", "body")]
    [InlineData("roleName", "roleName")]
    public void Validation_errors_are_named_as_the_json_names_them(string member, string json)
    {
        var errors = new Dictionary<string, string[]> { [member] = ["Required."] };

        ValidationErrorNames.ToJsonNames(errors);

        Assert.Equal([json], errors.Keys);
    }

    private object Ran(object? value)
    {
        Interlocked.Increment(ref handlerRuns);
        return value ?? "";
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.TryGetProperty("title", out _), body);
        return document.RootElement.Clone();
    }

    public sealed record ItemRequest([Required] string? Name, string[]? Tags);
}
