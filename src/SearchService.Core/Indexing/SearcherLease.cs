using Lucene.Net.Search;

namespace SearchService.Core.Indexing;

/// <summary>A searcher borrowed from the <see cref="SearcherManager"/>; disposing it gives it back.</summary>
public sealed class SearcherLease(SearcherManager manager) : IDisposable
{
    public IndexSearcher Searcher { get; } = manager.Acquire();

    public void Dispose() => manager.Release(Searcher);
}
