using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Tests.Search;

public sealed class FacetCollectorTests
{
    [Fact]
    public void CountsAcrossSegmentsEqualCountingEveryPaperSearchAfterSearch()
    {
        using var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        var random = new Random(3);
        var tags = new[] { "rl", "moe", "diffusion", "long-context", "agents", "rag" };
        var authors = Enumerable.Range(0, 30).Select(i => $"Author {i}").ToArray();
        var papers = new List<Paper>();
        for (var i = 0; i < 120; i++)
        {
            var paper = new Paper
            {
                Id = $"p{i}",
                Title = i % 3 == 0 ? "sparse attention" : "dense models",
                Tags = [.. tags.Where(_ => random.Next(3) == 0)],
                Authors = [.. authors.Where(_ => random.Next(10) == 0)],
                Date = new DateOnly(2020 + random.Next(5), 1, 1),
                Sources = [new PaperSource($"p{i}.md")],
            };
            papers.Add(paper);
            store.Put(new IngestedFile(paper.Id, paper.Id, [paper], []));
            // A commit every 25 papers leaves several segments, so values must be merged across them.
            if (i % 25 == 24) store.Commit();
        }
        store.Refresh();

        // Count arrays are pooled between searches: every search, in any order, must count from zero.
        var searcher = new KeywordSearcher(store.Index);
        foreach (var word in new[] { "sparse", "dense", "sparse", "dense" })
        {
            var response = searcher.Search(new SearchRequest { Query = word });

            var matching = papers.Where(p => p.Title.Contains(word, StringComparison.Ordinal)).ToList();
            Assert.Equal(matching.Count, response.Total);
            Assert.Equal(Expected(matching.SelectMany(p => p.Tags)), response.Facets.Tags);
            Assert.Equal(Expected(matching.SelectMany(p => p.Authors)), response.Facets.Authors);
            Assert.Equal(Expected(matching.Select(p => p.Date!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))), response.Facets.Years);
        }
    }

    private static List<FacetValue> Expected(IEnumerable<string> values) =>
        values.GroupBy(v => v).Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(10).ToList();
}
