using SearchService.Core.Notes;
using SearchService.Core.Related;

namespace SearchService.Tests.Related;

/// <summary>The reasons <see cref="RelatedPapers"/> gives, over a small store; each paper has words of its own so text similarity stays out of the way.</summary>
public sealed class RelatedPapersTests : IDisposable
{
    private static readonly Paper Source = new()
    {
        Id = "source",
        Title = "Alpha routing",
        EnglishCommentary = "Builds on https://arxiv.org/abs/2401.00001 for its routing.",
        Links = ["Beta note"],
        Tags = ["Sparse-Attention", "moe"],
        Authors = ["Jane Doe", "John Roe"],
    };
    private static readonly Paper Linked = new() { Id = "beta", Title = "Beta kernels", Sources = [new PaperSource("vault/Beta note.md")] };
    private static readonly Paper Cited = new() { Id = "2401.00001", Title = "Gamma gating", Url = "https://arxiv.org/abs/2401.00001" };
    private static readonly Paper SameTags = new() { Id = "tags", Title = "Delta caching", Tags = ["sparse attention", "MoE"] };
    private static readonly Paper SameAuthors = new() { Id = "authors", Title = "Epsilon pruning", Authors = ["John Roe", "Jane Doe"] };
    private static readonly Paper Unrelated = new() { Id = "unrelated", Title = "Zeta optics", Tags = ["vision"], Authors = ["Someone Else"] };

    private readonly Core.Store.PaperStore store = InMemoryStore.With(Source, Linked, Cited, SameTags, SameAuthors, Unrelated);

    private static IReadOnlyList<string> ReasonsFor(IReadOnlyList<RelatedPaper> related, string id) =>
        Assert.Single(related, r => r.Paper.Id == id).Reasons;

    [Fact]
    public void EachSignalIsNamedAsAReason()
    {
        var related = new RelatedPapers(store).For(Source, limit: 10);
        Assert.Contains(RelatedReason.Linked, ReasonsFor(related, "beta"));
        Assert.Contains(RelatedReason.Cited, ReasonsFor(related, "2401.00001"));
        Assert.Contains(RelatedReason.SharedTags, ReasonsFor(related, "tags"));
        Assert.Contains(RelatedReason.SharedAuthors, ReasonsFor(related, "authors"));
    }

    [Fact]
    public void LinksOutweighCitationsWhichOutweighSimilarity()
    {
        var related = new RelatedPapers(store).For(Source, limit: 10);
        Assert.Equal(["beta", "2401.00001"], related.Take(2).Select(r => r.Paper.Id));
        Assert.True(related[0].Score > related[1].Score);
    }

    [Fact]
    public void PaperIsNotRelatedToItselfNorToPapersSharingNothing()
    {
        var related = new RelatedPapers(store).For(Source, limit: 10);
        Assert.DoesNotContain(related, r => r.Paper.Id is "source" or "unrelated");
    }

    [Fact]
    public void LinkCountsBothWays()
    {
        var related = new RelatedPapers(store).For(Linked, limit: 10);
        Assert.Contains(RelatedReason.Linked, ReasonsFor(related, "source"));
    }

    [Fact]
    public void CitationCountsBothWays()
    {
        var related = new RelatedPapers(store).For(Cited, limit: 10);
        Assert.Contains(RelatedReason.Cited, ReasonsFor(related, "source"));
    }

    [Fact]
    public void TextCitingAnArxivUrlFindsThatPaper()
    {
        var related = new RelatedPapers(store).ForText("A draft that extends https://arxiv.org/pdf/2401.00001v2 to routing.", limit: 5);
        Assert.Contains(RelatedReason.Cited, ReasonsFor(related, "2401.00001"));
    }

    [Fact]
    public void LimitCutsTheList() => Assert.Single(new RelatedPapers(store).For(Source, limit: 1));

    public void Dispose() => store.Dispose();
}
