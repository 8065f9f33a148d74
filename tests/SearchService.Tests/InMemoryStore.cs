using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests;

/// <summary>A <see cref="PaperStore"/> over an in-memory index, holding the given papers, each from a note of its own.</summary>
internal static class InMemoryStore
{
    /// <summary>
    /// Each paper is stored as the file "<c>{id}.md</c>" unless it names its sources, so other papers can
    /// <c>[[link]]</c> it by that name.
    /// </summary>
    public static PaperStore With(params Paper[] papers)
    {
        var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        foreach (var paper in papers)
        {
            var stored = paper.Sources.Count > 0 ? paper : paper with { Sources = [new PaperSource(paper.Id + ".md")] };
            store.Put(new IngestedFile("mem:" + paper.Id, paper.Id, [stored], []));
        }
        store.Commit();
        store.Refresh();
        return store;
    }
}
