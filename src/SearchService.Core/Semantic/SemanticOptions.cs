namespace SearchService.Core.Semantic;

/// <summary>Tuning of semantic and hybrid ranking, bound from the "Semantic" configuration section.</summary>
public sealed record SemanticOptions
{
    public const string Section = "Semantic";

    /// <summary>Whether to load the embedding model and compute vectors at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Which embedding model computes the vectors: MiniLM, ArcticXs, or MiniLMAndArcticXs (both, cosines averaged).
    /// Each model keeps its vectors in a folder of its own, so a switch re-embeds the corpus once and mixes nothing.
    /// ArcticXs by default: on the held-out queries its hybrid MRR@10 is 0.724 against MiniLM's 0.696 and the pair's
    /// 0.703, at about MiniLM's embedding speed (benchmarks/README.md, issue 9 item 6).
    /// </summary>
    public EmbeddingModel Model { get; init; } = EmbeddingModel.ArcticXs;

    /// <summary>
    /// Embed queries with a copy of the model whose weight matrices are bytes (<see cref="EmbedderOptions.Int8Queries"/>):
    /// hybrid answers about 1.35× as many requests a second on 2 cores, and the vectors stay within cosine 0.998 of
    /// the float model's. Off by default: dev MRR@10 is the same, but held-out semantic falls 0.763 → 0.762 and
    /// hybrid 0.792 → 0.790, so it does not pass the held-out rule (benchmarks/README.md, eleventh pass).
    /// </summary>
    public bool Int8Queries { get; init; }

    /// <summary>How many top keyword hits feed back into the query vector.</summary>
    public int FeedbackDocuments { get; init; } = 3;

    /// <summary>Weight of the feedback vector against the query's own (both before normalization).</summary>
    public float FeedbackWeight { get; init; } = 0.5f;

    /// <summary>
    /// Hybrid score = keyword score / best keyword score + this × the cosine rescaled to [0, 1] over the
    /// candidates. Scores rather than ranks: the keyword ranking is the stronger one on our data, and rank
    /// fusion throws away how far ahead its best hit is.
    /// </summary>
    public double SemanticWeight { get; init; } = 1.0;

    /// <summary>
    /// In hybrid mode, the semantic weight grows by this × the share of the query's letters that are Hangul
    /// (<see cref="SemanticWeight"/> + this for a Korean query, about half of it for a mixed one, nothing for an
    /// English one): a Korean query reaches the English text of most notes only through the dictionary, and on the
    /// dev queries its keyword ranking is the weaker one (Korean keyword MRR@10 0.678 against semantic 0.814;
    /// English 0.743 against 0.722). Off (0) by default: at 0.5, dev hybrid MRR@10 rises 0.820 → 0.825 and held-out
    /// 0.779 → 0.788 (Korean 0.778 → 0.802), but held-out mixed falls 0.815 → 0.812 and one mixed query's paper
    /// leaves the top 10, so it does not pass the held-out rule (benchmarks/README.md, issue 9, third round).
    /// </summary>
    public double HangulSemanticWeight { get; init; }

    /// <summary>
    /// In hybrid mode, search the meaning twice: the second query vector takes its feedback from the best
    /// <see cref="FeedbackDocuments"/> of the first fusion instead of the best keyword hits. A paraphrase often
    /// puts the wrong papers first by keyword; fusion has usually corrected that, so the second vector is pulled
    /// toward better papers (dev hybrid MRR@10 0.811 → 0.820, held-out 0.759 → 0.777; benchmarks/README.md).
    /// </summary>
    public bool FeedbackFromFusion { get; init; } = true;

    /// <summary>
    /// In hybrid mode, a candidate (from either ranking, <see cref="FusionDepth"/> deep) is listed and counted
    /// only when its fused score reaches this share of the best paper's; 0 keeps every candidate.
    /// </summary>
    public double HybridCutoff { get; init; } = 0.5;

    /// <summary>How deep each ranking is read before fusion.</summary>
    public int FusionDepth { get; init; } = 100;

    /// <summary>
    /// In semantic mode, a paper matches when its best chunk's cosine to the query reaches this; <c>total</c>
    /// and facets count those (at most <see cref="SemanticDepth"/>), so they say how many papers are about the query.
    /// </summary>
    public float MinSimilarity { get; init; } = 0.25f;

    /// <summary>
    /// In semantic mode, a paper matches only when its cosine also reaches this share of the best paper's:
    /// the cosine floor alone lets most of the corpus through for any query. Null takes the model's own
    /// (<see cref="SemanticCutoffInForce"/>).
    /// </summary>
    public double? SemanticCutoff { get; init; }

    /// <summary>
    /// <see cref="SemanticCutoff"/>, or the share chosen for <see cref="Model"/> on the dev queries. The models' cosines
    /// spread differently: arctic-embed gives even unrelated text a high cosine, so its papers sit closer to the best
    /// one, and MiniLM's 0.8 lets all 1,000 nearest papers through (benchmarks/README.md, issue 9 item 6).
    /// </summary>
    public double SemanticCutoffInForce => SemanticCutoff ?? (Model == EmbeddingModel.ArcticXs ? 0.9 : 0.8);

    /// <summary>How many nearest papers semantic mode reads at most, for its total, facets and pages.</summary>
    public int SemanticDepth { get; init; } = 1000;

    /// <summary>How many queries' English text and embedding are kept, so a repeated query skips the model (0 turns it off).</summary>
    public int QueryCacheSize { get; init; } = 4096;

    /// <summary>
    /// From this many vectors on, nearest papers come from an approximate (HNSW) index saved beside the vectors;
    /// below it, search is exact: it is fast enough there, and exact. 0 turns the approximate index off.
    /// </summary>
    public int ApproximateAbove { get; init; } = 20_000;
}
