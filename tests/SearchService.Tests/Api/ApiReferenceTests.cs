using System.Text.Json.Nodes;

namespace SearchService.Tests.Api;

/// <summary>The OpenAPI document describes every operation and parameter with an example, and /docs serves the reference locally.</summary>
public sealed class ApiReferenceTests : IDisposable
{
    private readonly SearchServiceApp app = new();

    [Fact]
    public async Task EveryOperationAndParameterHasADescriptionAndAnExample()
    {
        var client = await app.ReadyClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToList();
        Assert.True(operations.Count >= 10, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{name} has no description");
            var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            foreach (var parameter in parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter["description"]), $"{name} parameter {parameter["name"]} has no description");
                Assert.True(parameter["example"] is not null, $"{name} parameter {parameter["name"]} has no example");
            }
            var bodies = operation["requestBody"]?["content"]?.AsObject().ToList() ?? [];
            foreach (var (mediaType, body) in bodies)
                Assert.True(body?["example"] is not null, $"{name} body {mediaType} has no example");
            var answer = operation["responses"]?["200"]?["content"]?["application/json"]?["example"];
            Assert.True(parameters.Count + bodies.Count > 0 || answer is not null, $"{name} has no example of a request or an answer");
        }
    }

    [Fact]
    public async Task DocsServeTheReferenceFromTheAppItself()
    {
        var client = await app.ReadyClientAsync();
        var page = await client.GetAsync("/docs");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // The script comes from the package, not a CDN, so the reference works offline.
        Assert.Contains("src=\"scalar.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/docs/scalar.js")).StatusCode);
    }

    public void Dispose() => app.Dispose();
}
