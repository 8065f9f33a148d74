using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Core.Store;
using SearchService.Tests.Api;
using Xunit.Abstractions;

namespace SearchService.Tests.Robustness;

/// <summary>
/// The data folder deleted under a running service, and a damaged index at start: writes are refused with a
/// ProblemDetails and undone, reads go on, /health says why, and the next start opens with every acknowledged write.
/// </summary>
[Trait("Category", "Process")]
public sealed class StorageFaultTests(ITestOutputHelper output) : IDisposable
{
    private const string Key = "fault-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string root = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    private string Corpus => Path.Combine(root, "corpus");
    private string Data => Path.Combine(root, "index");

    private void WriteCorpus()
    {
        foreach (var (path, text) in SampleNotes.All)
        {
            var file = Path.Combine(Corpus, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
    }

    private ApiProcess Start(params string[] extra)
    {
        if (!Directory.Exists(Corpus)) WriteCorpus();
        return ApiProcess.Start(Corpus, Data, [$"--Api:Key={Key}", .. extra]);
    }

    private static async Task<HttpResponseMessage> PostAsync(ApiProcess api, string id, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/papers") { Content = JsonContent.Create(new { id, title }) };
        request.Headers.Add("X-Api-Key", Key);
        return await api.Client.SendAsync(request);
    }

    [Fact]
    public async Task DataFolderDeletedWhileRunningRefusesWritesKeepsReadsAndLosesNoAcknowledgedWrite()
    {
        using (var api = Start())
        {
            await api.WaitForAsync(h => h.Status == "ready", Patience);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, "acknowledged", "Acknowledged Before")).StatusCode);

            Directory.Delete(Data, recursive: true);
            var refused = await PostAsync(api, "refused", "Refused After");
            ProblemAssert.Is(HttpStatusCode.ServiceUnavailable, refused);
            Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/papers/refused")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/papers/acknowledged")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/search?q=parrots")).StatusCode);
            var health = await api.Client.GetFromJsonAsync<JsonElement>("/health");
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            Assert.NotEmpty(health.GetProperty("problems").EnumerateArray());

            Assert.Equal(0, await api.StopAsync(Patience));
            output.WriteLine(api.StandardError);
            Assert.DoesNotContain("Unhandled exception", api.StandardError + api.StandardOutput);
        }

        using (var again = Start())
        {
            await again.WaitForAsync(h => h.Status == "ready", Patience);
            Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/papers/acknowledged")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await again.Client.GetAsync("/papers/refused")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/papers/2410.19034")).StatusCode);
        }
    }

    public static TheoryData<string> Damages => new() { "truncate-segments", "empty-si", "flip-largest" };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task DamagedIndexStopsWithOneLineSayingWhatToDoAndRebuildsOnRequestWithApiWrites(string damage)
    {
        using (var api = Start())
        {
            await api.WaitForAsync(h => h.Status == "ready", Patience);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, "api-only", "Quokka Zebra Survey")).StatusCode);
            Assert.Equal(0, await api.StopAsync(Patience));
        }
        Damage(damage);

        using (var refused = Start())
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(Patience) ?? 0);
            output.WriteLine(refused.StandardError);
            var error = refused.StandardError.Trim();
            Assert.Single(error.Split('\n'));
            Assert.Contains(Data, error);
            Assert.Contains("--Index:RebuildOnCorruption=true", error);
            Assert.DoesNotContain("   at ", refused.StandardOutput);
        }

        using (var rebuilt = Start("--Index:RebuildOnCorruption=true"))
        {
            await rebuilt.WaitForAsync(h => h.Status == "ready", Patience);
            Assert.Equal(HttpStatusCode.OK, (await rebuilt.Client.GetAsync("/papers/api-only")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rebuilt.Client.GetAsync("/papers/2410.19034")).StatusCode);
        }
        Assert.Single(Directory.GetDirectories(Data, "damaged-*"));
    }

    private void Damage(string how)
    {
        var files = Directory.GetFiles(Data).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToList();
        switch (how)
        {
            case "truncate-segments":
                var segments = files.Single(f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal));
                File.WriteAllBytes(segments, File.ReadAllBytes(segments)[..20]);
                break;
            case "empty-si":
                File.WriteAllBytes(files.First(f => f.EndsWith(".si", StringComparison.Ordinal)), []);
                break;
            default:
                var largest = files.OrderByDescending(f => new FileInfo(f).Length).First();
                var bytes = File.ReadAllBytes(largest);
                bytes[bytes.Length / 2] ^= 0x5A;
                File.WriteAllBytes(largest, bytes);
                break;
        }
    }

    [Fact]
    public void DiskFullIsToldApartFromAMissingFolder()
    {
        Assert.True(StorageException.From("/data", new IOException("No space left on device : '/data/_1.fdt'", 28)).DiskFull);
        Assert.False(StorageException.From("/data", new DirectoryNotFoundException("Could not find a part of the path '/data'.")).DiskFull);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
