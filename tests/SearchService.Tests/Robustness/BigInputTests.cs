using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests.Robustness;

/// <summary>A big note is analyzed outside the store's lock: lookups and counts go on meanwhile.</summary>
public sealed class BigInputTests
{
    [Fact]
    public async Task LookupsAnswerWhileABigNoteIsBeingIndexed()
    {
        using var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        var small = new Paper { Id = "small", Title = "Small paper", Sources = [new PaperSource("small.md")] };
        store.Put(new IngestedFile("small.md", "h0", [small], []));
        // Some megabytes of distinct words: analyzing them for five fields takes a while on any machine.
        var words = string.Join(' ', Enumerable.Range(0, 400_000).Select(i => $"word{i} 단어{i}"));
        var big = new Paper { Id = "big", Title = "Big paper", Abstract = words, KoreanCommentary = words, Sources = [new PaperSource("big.md")] };

        var put = Task.Run(() => store.Put(new IngestedFile("big.md", "h1", [big], [])));
        // The catalog shows the big paper before its analysis ends; before, every lookup waited for the whole write.
        bool answeredDuringWrite = false;
        while (!put.IsCompleted)
        {
            var count = store.PaperCount;
            if (store.Find("small") is not null && count == 2 && !put.IsCompleted)
            {
                answeredDuringWrite = true;
                break;
            }
            await Task.Delay(1);
        }
        await put;
        Assert.True(answeredDuringWrite, "No lookup answered while the big note was being indexed.");
        Assert.Equal(2, store.PaperCount);
    }
}
