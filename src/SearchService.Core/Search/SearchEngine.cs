namespace SearchService.Core.Search;

/// <summary>
/// The entry point for searches: picks the mode the request asks for, or the best one available.
/// </summary>
public sealed class SearchEngine(KeywordSearcher keyword)
{
    public SearchResponse Search(SearchRequest request) => keyword.Search(request);
}
