using System.Text;
using SearchService.Core.Search;
using SearchService.Tests.Api;
using SearchService.Core.Store;

namespace SearchService.Tests.Robustness;

/// <summary>
/// Files caught half-written or damaged: whatever can be read is stored with a warning (so /health counts
/// it), the rest of the corpus is unaffected, and the file is parsed again as soon as its content changes.
/// </summary>
public sealed class CorruptFileTests : IDisposable
{
    private const string NoteName = "2025/250224 Muon is Scalable for LLM Training.md";
    private readonly IngestFolders folders = new();

    public CorruptFileTests()
    {
        foreach (var (path, text) in SampleNotes.All.Where(n => n.Key != NoteName))
            folders.Write(path, Encoding.UTF8.GetBytes(text));
    }

    private static int Total(PaperStore store, string query) =>
        new KeywordSearcher(store.Index).Search(new SearchRequest { Query = query }).Total;

    [Fact]
    public async Task FileTruncatedInsideACharacterIsStoredWithAWarningAndReparsedOnceComplete()
    {
        var complete = Encoding.UTF8.GetBytes(SampleNotes.Muon);
        // Cut inside the three bytes of the first Hangul syllable: the file ends in an undecodable fragment.
        var cut = Array.FindIndex(complete, b => b >= 0xE0) + 1;
        folders.Write(NoteName, complete[..cut]);

        var (store, ingestor) = folders.Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            var broken = store.GetFile(folders.PathOf(NoteName));
            Assert.NotNull(broken);
            Assert.Contains(broken.Warnings, w => w.Code == "invalid-utf8");
            Assert.Equal(0, Total(store, "weight decay"));
            Assert.Equal(1, Total(store, "memorization"));

            folders.Write(NoteName, complete);
            await ingestor.RunAsync(CancellationToken.None);

            Assert.Equal(1, ingestor.Progress.FilesParsed);
            Assert.Empty(store.GetFile(folders.PathOf(NoteName))!.Warnings);
            Assert.Equal(1, Total(store, "weight decay"));
            Assert.Equal(1, Total(store, "memorization"));
        }
    }

    [Fact]
    public async Task FileWithGarbageBytesKeepsItsWarningAcrossRestartsUntilItIsFixed()
    {
        var damaged = Encoding.UTF8.GetBytes(SampleNotes.Muon).ToArray();
        damaged[damaged.Length / 2] = 0xFF;
        damaged[damaged.Length / 2 + 1] = 0x00;
        folders.Write(NoteName, damaged);

        var (store, ingestor) = folders.Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            Assert.Contains(store.GetFile(folders.PathOf(NoteName))!.Warnings, w => w.Code == "invalid-utf8");
        }

        // Unchanged across a restart: not parsed again, and the warning is still reported.
        var (again, second) = folders.Open();
        using (again)
        {
            await second.RunAsync(CancellationToken.None);
            Assert.Equal(0, second.Progress.FilesParsed);
            Assert.Contains(again.GetFile(folders.PathOf(NoteName))!.Warnings, w => w.Code == "invalid-utf8");
            var warningsBefore = again.WarningCount;

            folders.Write(NoteName, Encoding.UTF8.GetBytes(SampleNotes.Muon));
            await second.RunAsync(CancellationToken.None);

            Assert.Equal(1, second.Progress.FilesParsed);
            Assert.DoesNotContain(again.GetFile(folders.PathOf(NoteName))!.Warnings, w => w.Code == "invalid-utf8");
            Assert.True(again.WarningCount < warningsBefore);
            Assert.NotNull(again.Find("2502.16982"));
        }
    }

    [Fact]
    public async Task HalfWrittenNoteIsReparsedWhenTheRestArrives()
    {
        var lines = SampleNotes.Muon.Split('\n');
        folders.Write(NoteName, Encoding.UTF8.GetBytes(string.Join('\n', lines[..3])));

        var (store, ingestor) = folders.Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            Assert.Equal(0, Total(store, "orthogonalization"));

            folders.Write(NoteName, Encoding.UTF8.GetBytes(SampleNotes.Muon));
            await ingestor.RunAsync(CancellationToken.None);

            Assert.Equal(1, ingestor.Progress.FilesParsed);
            Assert.Equal(1, Total(store, "orthogonalization"));
            Assert.Single(store.Papers(), p => p.Id == "2502.16982");
        }
    }

    public void Dispose() => folders.Dispose();
}
