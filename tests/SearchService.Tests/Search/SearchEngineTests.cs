using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Store;
using SearchService.Tests.Semantic;

namespace SearchService.Tests.Search;

/// <summary>
/// Mode choice, fallback and sorting of <see cref="SearchEngine"/> over a small store, with a vocabulary
/// embedder in place of the model so every cosine can be worked out by hand (see each test).
/// </summary>
public sealed class SearchEngineTests : IAsyncLifetime
{
    private static readonly Paper Old = new() { Id = "old", Title = "Diffusion models", Abstract = "Denoising diffusion for image generation.", Date = new(2021, 5, 1) };
    private static readonly Paper Latent = new() { Id = "latent", Title = "Latent diffusion", Abstract = "Diffusion in latent space for image synthesis.", Date = new(2024, 3, 1) };
    private static readonly Paper Video = new() { Id = "video", Title = "Video diffusion", Abstract = "Diffusion for video generation.", Date = new(2023, 1, 15), Tags = ["video"] };
    private static readonly Paper Undated = new() { Id = "undated", Title = "Diffusion notes", Abstract = "Diffusion sampling." };
    private static readonly Paper Optimizer = new() { Id = "optimizer", Title = "Shampoo optimizer", Abstract = "Second order preconditioning.", Date = new(2025, 1, 1) };

    private static readonly string[] Vocabulary =
        ["diffusion", "image", "video", "latent", "denoising", "generation", "synthesis", "sampling", "shampoo", "optimizer", "preconditioning"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    private readonly PaperStore store = InMemoryStore.With(Old, Latent, Video, Undated, Optimizer);
    private VectorStore? vectorStore;
    private PaperVectors? vectors;

    public async Task InitializeAsync() => vectors = await VectorsAsync(new VocabularyEmbedder(Vocabulary));

    private async Task<PaperVectors> VectorsAsync(ITextEmbedder embedder)
    {
        vectorStore?.Dispose();
        vectorStore = new VectorStore(folder, embedder.Dimensions);
        var paperVectors = new PaperVectors(store, embedder, vectorStore, NullLogger<PaperVectors>.Instance);
        await paperVectors.SyncAsync(CancellationToken.None);
        return paperVectors;
    }

    /// <summary>
    /// No keyword feedback into the query vector, so semantic scores are the plain cosines; no cutoff relative
    /// to the best hit, and one word enough for a keyword match, so every candidate shows (the cutoffs have tests of their own).
    /// </summary>
    private static readonly SemanticOptions Options = new() { FeedbackDocuments = 0, SemanticCutoff = 0, HybridCutoff = 0 };

    private static readonly KeywordWeights AnyWord = new() { MinimumShouldMatch = "1" };

    private SearchEngine Engine(SemanticOptions? options = null, PaperVectors? with = null)
    {
        var semantic = new SemanticSearcher(with ?? vectors!, new IdentityTranslator(), options ?? Options);
        return new SearchEngine(new KeywordSearcher(store.Index, weights: AnyWord), store, () => semantic, options ?? Options);
    }

    private SearchEngine KeywordOnlyEngine() => new(new KeywordSearcher(store.Index, weights: AnyWord), store);

    private static string[] Ids(SearchResponse response) => response.Results.Select(r => r.Id).ToArray();

    [Fact]
    public void WithoutSemanticSearchTheDefaultModeIsKeyword()
    {
        var response = KeywordOnlyEngine().Search(new SearchRequest { Query = "diffusion" });
        Assert.Equal("keyword", response.Mode);
        Assert.Null(response.Warnings);
        Assert.Equal(4, response.Total);
    }

    [Fact]
    public void OnceVectorsExistTheDefaultModeIsHybrid() =>
        Assert.Equal("hybrid", Engine().Search(new SearchRequest { Query = "diffusion" }).Mode);

    [Theory]
    [InlineData(SearchMode.Semantic)]
    [InlineData(SearchMode.Hybrid)]
    public void SemanticSearchTurnedOffFallsBackToKeywordWithAWarning(SearchMode mode)
    {
        var response = KeywordOnlyEngine().Search(new SearchRequest { Query = "diffusion", Mode = mode });
        Assert.Equal("keyword", response.Mode);
        Assert.Contains("turned off", Assert.Single(response.Warnings!));
        Assert.Equal(4, response.Total);
    }

    [Theory]
    [InlineData(SearchMode.Semantic)]
    [InlineData(SearchMode.Hybrid)]
    public async Task UnavailableModelFallsBackToKeywordWithAWarning(SearchMode mode)
    {
        using var unavailable = await VectorsAsync(new VocabularyEmbedder(Vocabulary) { IsAvailable = false });
        var response = Engine(with: unavailable).Search(new SearchRequest { Query = "diffusion", Mode = mode });
        Assert.Equal("keyword", response.Mode);
        Assert.Contains("not available", Assert.Single(response.Warnings!));
    }

    [Fact]
    public void RequestWithoutWordsBrowsesByKeywordInAnyMode()
    {
        var response = Engine().Search(new SearchRequest { Mode = SearchMode.Semantic });
        Assert.Equal("keyword", response.Mode);
        Assert.Null(response.Warnings);
        Assert.Equal(5, response.Total);
    }

    [Fact]
    public void KeywordMatchesCountPapersOnlyThoughFileRecordsShareTheIndex()
    {
        // Without filters of the request the search runs unfiltered: only papers may match, file records never.
        var excluded = KeywordOnlyEngine().Search(new SearchRequest { Query = "-video" });
        Assert.Equal(4, excluded.Total);
        Assert.Equal(["latent", "old", "optimizer", "undated"], Ids(excluded).Order());
        Assert.Single(excluded.Results.Select(r => r.Score).Distinct());
        var words = KeywordOnlyEngine().Search(new SearchRequest { Query = "diffusion" });
        Assert.Equal(4, words.Total);
        Assert.DoesNotContain("optimizer", Ids(words));
    }

    [Fact]
    public void QueryWithNothingToEmbedIsAnsweredByKeywordWithAWarning()
    {
        var response = Engine().Search(new SearchRequest { Query = "-video", Mode = SearchMode.Semantic });
        Assert.Contains("no words the embedding model can read", Assert.Single(response.Warnings!));
        Assert.Equal(["latent", "old", "optimizer", "undated"], Ids(response).Order());
    }

    [Fact]
    public void SemanticModeRanksByCosine()
    {
        // Query (diffusion, image)/√2. old: (diffusion 2, denoising, image, generation)/√7 → 3/√14 = 0.80;
        // latent: (diffusion 2, latent 2, image, synthesis)/√10 → 3/√20 = 0.67; undated: (diffusion 2, sampling)/√5
        // → 2/√10 = 0.63; video: (video 2, diffusion 2, generation)/3 → 2/(3√2) = 0.47; optimizer 0.
        var response = Engine().Search(new SearchRequest { Query = "diffusion image", Mode = SearchMode.Semantic });
        Assert.Equal("semantic", response.Mode);
        Assert.Equal(["old", "latent", "undated", "video"], Ids(response));
        Assert.Equal([0.80f, 0.67f, 0.63f, 0.47f], response.Results.Select(r => MathF.Round(r.Score, 2)));
    }

    [Fact]
    public void SemanticTotalAndFacetsCountThePapersAboveTheSimilarityFloor()
    {
        var all = Engine().Search(new SearchRequest { Query = "diffusion image", Mode = SearchMode.Semantic, Limit = 1 });
        Assert.Equal(4, all.Total);
        Assert.Equal(3, all.Facets.Years.Sum(y => y.Count));

        // Only old (0.80) reaches 0.7.
        var strict = Engine(Options with { MinSimilarity = 0.7f }).Search(new SearchRequest { Query = "diffusion image", Mode = SearchMode.Semantic });
        Assert.Equal(1, strict.Total);
        Assert.Equal(["old"], Ids(strict));
        Assert.Equal([new FacetValue("2021", 1)], strict.Facets.Years);
    }

    [Fact]
    public void SemanticPagesFollowTheRanking()
    {
        var page = Engine().Search(new SearchRequest { Query = "diffusion image", Mode = SearchMode.Semantic, Offset = 2, Limit = 2 });
        Assert.Equal((4, 2, 2), (page.Total, page.Offset, page.Limit));
        Assert.Equal(["undated", "video"], Ids(page));
    }

    [Fact]
    public void SemanticModeKeepsTheRequestFiltersAndExclusions()
    {
        var since2023 = Engine().Search(new SearchRequest { Query = "diffusion image", Mode = SearchMode.Semantic, From = new DateOnly(2023, 1, 1) });
        Assert.Equal(["latent", "video"], Ids(since2023));
        var withoutVideo = Engine().Search(new SearchRequest { Query = "diffusion image -video", Mode = SearchMode.Semantic });
        Assert.Equal(["old", "latent", "undated"], Ids(withoutVideo));
    }

    [Fact]
    public void HangulWeightLeavesAnEnglishQueryAsItWas()
    {
        var request = new SearchRequest { Query = "diffusion image", Mode = SearchMode.Hybrid };
        var plain = Engine().Search(request).Results.Select(r => (r.Id, r.Score));
        var weighted = Engine(Options with { HangulSemanticWeight = 5 }).Search(request).Results.Select(r => (r.Id, r.Score));
        Assert.Equal(plain, weighted);
    }

    [Fact]
    public void HybridAddsTheCosineToTheKeywordScore()
    {
        // Every diffusion paper matches the word; "image" only old and latent, whose cosines are also the highest.
        var response = Engine().Search(new SearchRequest { Query = "diffusion image", Mode = SearchMode.Hybrid });
        Assert.Equal("hybrid", response.Mode);
        Assert.Equal(["latent", "old"], Ids(response).Take(2).Order());
        Assert.Equal(["latent", "old", "undated", "video"], Ids(response).Where(id => id != "optimizer").Order());
    }

    [Fact]
    public async Task TheSamePapersGiveTheSameFeedbackInAnyOrder()
    {
        // Hybrid search skips its second fusion when the first one's best papers are the keyword ranking's: that is
        // only right if the query vector depends on which papers give feedback, not on their order (to the bit).
        // Vectors of scattered values, whose sums round differently in different orders.
        vectors!.Dispose();
        vectors = await VectorsAsync(new ScatteredEmbedder());
        var semantic = new SemanticSearcher(vectors, new IdentityTranslator(), new SemanticOptions { FeedbackDocuments = 3 });
        string[] best = ["old", "latent", "video"];

        var vector = await semantic.QueryVectorAsync("diffusion", [.. best, "optimizer"]);
        foreach (var order in Permutations(best))
        {
            Assert.True(semantic.SameFeedback([.. best, "optimizer"], [.. order, "undated"]));
            Assert.Equal(vector, await semantic.QueryVectorAsync("diffusion", order));
        }
        Assert.False(semantic.SameFeedback(best, ["old", "latent", "optimizer"]));
        Assert.NotEqual(vector, await semantic.QueryVectorAsync("diffusion", ["old", "latent", "optimizer"]));
    }

    private static IEnumerable<string[]> Permutations(string[] items) => items.Length <= 1 ? [items]
        : items.SelectMany((first, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => (string[])[first, .. rest]));

    /// <summary>Unit vectors of values drawn from a generator seeded by the text.</summary>
    private sealed class ScatteredEmbedder : ITextEmbedder
    {
        public bool IsAvailable => true;
        public int Dimensions => 64;
        public string ModelId => "scattered";

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default) => texts.Select(text =>
        {
            var random = new Random(text.Aggregate(17, (hash, c) => hash * 31 + c));
            var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var norm = MathF.Sqrt(vector.Sum(x => x * x));
            return vector.Select(x => x / norm).ToArray();
        }).ToArray();
    }

    [Theory]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Semantic)]
    [InlineData(SearchMode.Hybrid)]
    public void SortByDateListsNewestFirstAndUndatedLastInEveryMode(SearchMode mode)
    {
        var response = Engine().Search(new SearchRequest { Query = "diffusion image", Mode = mode, Sort = SearchSort.Date });
        Assert.Equal(mode.ToString().ToLowerInvariant(), response.Mode);
        var dates = response.Results.Select(r => r.Date ?? DateOnly.MinValue).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(["latent", "video", "old", "undated"], Ids(response).Where(id => id != "optimizer"));
    }

    public Task DisposeAsync()
    {
        vectors?.Dispose();
        vectorStore?.Dispose();
        store.Dispose();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        return Task.CompletedTask;
    }
}
