using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SearchService.Tests.Api;

/// <summary>
/// The API host over a corpus folder and an index folder of its own in a temp directory, with file
/// watching and rescans off so that a test decides when the corpus changes.
/// </summary>
public sealed class SearchServiceApp : WebApplicationFactory<Program>
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    public string Corpus => Path.Combine(Root, "corpus");
    public string Data => Path.Combine(Root, "index");
    private readonly Dictionary<string, string?> settings = [];

    public SearchServiceApp() : this(SampleNotes.All) { }

    /// <summary>An app over <paramref name="files"/> (relative path → text) instead of <see cref="SampleNotes"/>.</summary>
    public static SearchServiceApp Over(IReadOnlyDictionary<string, string> files) => new(files);

    private SearchServiceApp(IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(Corpus);
        foreach (var (path, text) in files) WriteFile(path, text);
    }

    /// <summary>Adds a configuration setting; call before the first request.</summary>
    public SearchServiceApp With(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Corpus, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Index:Corpus:0", Corpus);
        builder.UseSetting("Index:Data", Data);
        builder.UseSetting("Index:WatchFiles", "false");
        builder.UseSetting("Index:RescanSeconds", "0");
        // The embedding model costs seconds per host; tests of semantic search turn it on with With().
        builder.UseSetting("Semantic:Enabled", "false");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
    }

    /// <summary>A client once the first ingest has finished.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var i = 0; i < 300; i++)
        {
            var health = await client.GetFromJsonAsync<HealthDto>("/health");
            if (health?.Status == "ready")
            {
                // Related papers and the tag and author lists are rebuilt in the background after an ingest.
                await SearchService.Api.Hosting.DerivedWarmUp.WhenCurrentAsync(Services).WaitAsync(TimeSpan.FromSeconds(15));
                return client;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The first ingest did not finish in 15 s.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }

    private sealed record HealthDto(string Status);
}
