using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Tests.Search;

public sealed class TagSpellingsTests
{
    [Theory]
    [InlineData("pre-training", "pretraining")]
    [InlineData("Meta_Learning", "metalearning")]
    [InlineData("self-improvement", "self-improvment")]
    [InlineData("reinforcement-learning", "reinforcment-learning")]
    public void TagQueryFindsOtherSpellingsOfTheSameTag(string query, string indexed)
    {
        Assert.Contains(indexed, new TagSpellingIndex([indexed, "unrelated"]).Of(query));
    }

    [Theory]
    [InlineData("gan", "gpt")]
    [InlineData("rope", "rl")]
    [InlineData("diffusion", "distillation")]
    public void ShortOrDifferentTagsAreNotMerged(string query, string indexed)
    {
        Assert.DoesNotContain(indexed, new TagSpellingIndex([indexed]).Of(query));
    }

    [Theory]
    [InlineData("abcdefgh", "abcdefg", true)]
    [InlineData("abcdefgh", "abcdefghi", true)]
    [InlineData("abcdefgh", "abcdxfgh", true)]
    [InlineData("abcdefgh", "abcdfegh", true)]
    [InlineData("abcdefgh", "abcdefgh", false)]
    [InlineData("abcdefgh", "abcdfexh", false)]
    public void OneEditApartCountsInsertionDeletionSubstitutionAndSwap(string a, string b, bool expected)
    {
        Assert.Equal(expected, TagSpellings.OneEditApart(a, b));
        Assert.Equal(expected, TagSpellings.OneEditApart(b, a));
    }

    [Fact]
    public void SearchByTagFindsEverySpellingInTheIndex()
    {
        using var store = new PaperStore(PaperIndex.InMemory(PaperAnalyzers.Create()));
        var papers = new[] { ("a", "#pretraining"), ("b", "#Pre-Training"), ("c", "#self-improvment"), ("d", "#gan") };
        foreach (var (id, tag) in papers)
            store.Put(new IngestedFile(id, id, [new Paper { Id = id, Title = id, Tags = [tag], Sources = [new PaperSource(id + ".md")] }], []));
        store.Refresh();
        var searcher = new KeywordSearcher(store.Index);

        Assert.Equal(2, searcher.Search(new SearchRequest { Tags = ["pre-training"] }).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "tag:self-improvement" }).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Tags = ["gan"] }).Total);
    }
}
