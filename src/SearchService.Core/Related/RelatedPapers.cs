using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Core.Related;

/// <summary>
/// "What is related to this paper": links and citations between the notes first, then papers named in the
/// text, similar text (more-like-this over both languages), similar meaning (embeddings), shared tags and
/// shared authors, summed with <see cref="RelatedWeights"/>. Each result says which signals put it there.
/// </summary>
/// <param name="currentSimilar">Nearest papers by meaning once embeddings are loaded; null before, or when they are off.</param>
public sealed class RelatedPapers(PaperStore store, Func<ISimilarPapers?>? currentSimilar = null, RelatedWeights? weights = null) : IDisposable
{
    private readonly RelatedWeights w = weights ?? new RelatedWeights();
    // Built at start-up and rebuilt in the background when papers change; a request never builds it.
    private readonly PaperDerivative<PaperGraph> graph = new(store, papers => new PaperGraph(papers));

    /// <summary>Completes once the graph reflects the papers as they are now.</summary>
    public Task WhenCurrentAsync(CancellationToken ct = default) => graph.WhenCurrentAsync(ct);

    public void Dispose() => graph.Dispose();

    public IReadOnlyList<RelatedPaper> For(Paper paper, int limit)
    {
        var g = Graph();
        var scores = new Scores(w.ReasonThreshold);
        scores.AddAll(g.Linked(paper), w.Linked, RelatedReason.Linked);
        scores.AddAll(g.Cited(paper), w.Cited, RelatedReason.Cited);
        scores.AddAll(g.Mentioned(paper), w.Mentioned, RelatedReason.Mentioned);
        AddSimilarText(scores, EnglishText(paper), paper.KoreanCommentary, paper.Id);
        if (currentSimilar?.Invoke() is { } similar) AddSimilarMeaning(scores, similar.NearPaper(paper.Id, w.Neighbours));
        AddSharedTags(scores, g, paper);
        AddSharedAuthors(scores, g, paper);
        return Rank(scores, g, limit, exclude: paper);
    }

    /// <summary>Papers related to any text: a pasted abstract, a draft, a note not yet saved.</summary>
    public IReadOnlyList<RelatedPaper> ForText(string text, int limit)
    {
        var g = Graph();
        var scores = new Scores(w.ReasonThreshold);
        scores.AddAll(g.CitedIn(text), w.Cited, RelatedReason.Cited);
        scores.AddAll(g.MentionedIn(text), w.Mentioned, RelatedReason.Mentioned);
        AddSimilarText(scores, text, text, selfId: null);
        if (currentSimilar?.Invoke() is { } similar) AddSimilarMeaning(scores, similar.NearText(text, w.Neighbours));
        return Rank(scores, g, limit, exclude: null);
    }

    private PaperGraph Graph() => graph.Current;

    private static readonly string[] EnglishFields = [PaperFields.Title, PaperFields.Abstract, PaperFields.English];
    private static readonly string[] KoreanFields = [PaperFields.Korean];

    private static string EnglishText(Paper paper) => string.Join('\n', paper.Title, paper.Abstract, paper.EnglishCommentary);

    /// <summary>More-like-this per language: English text against the English fields, Korean text against the Korean field.</summary>
    private void AddSimilarText(Scores scores, string englishText, string koreanText, string? selfId)
    {
        using var lease = store.Index.Lease();
        var searcher = lease.Searcher;
        // One lookup per word and field serves both the choice of words and the search with them.
        var terms = new SharedTermStates(searcher.IndexReader);
        var analyzer = store.Index.Analyzer;
        var query = new BooleanQuery();
        if (SimilarTextQuery.Build(searcher.IndexReader, terms, analyzer, englishText, EnglishFields, PaperFields.English) is { } english)
            query.Add(english, Occur.SHOULD);
        if (SimilarTextQuery.Build(searcher.IndexReader, terms, analyzer, koreanText, KoreanFields, PaperFields.Korean) is { } korean)
            query.Add(korean, Occur.SHOULD);
        if (query.Clauses.Count == 0) return;
        // Over the segment groups on every core, as a keyword search: at a million papers this search is most of a request.
        // No filter to papers: only papers hold the text fields the words are looked up in (a filter that keeps every
        // paper made the search leap-frog between the two, as keyword search found too).
        var (hits, _, _) = SlicedSearch.Run(searcher, SegmentSlices.Of(searcher.IndexReader), OrQuery.Of(terms.Apply(query)), filter: null, Sort.RELEVANCE, w.Neighbours, newFacets: null);
        if (hits.Length == 0) return;
        // The paper itself is usually the best hit; normalize by the best other paper so one strong neighbour scores 1.
        var ids = hits.Select(h => (Id: IdOf(searcher.IndexReader, h.Doc), h.Score)).Where(h => h.Id is not null).ToList();
        var best = ids.Where(h => h.Id != selfId).Select(h => h.Score).DefaultIfEmpty(1).Max();
        foreach (var (id, score) in ids) scores.Add(id!, w.SimilarText, score / best, RelatedReason.SimilarText);
    }

    /// <summary>The paper id of a document, from doc values rather than its stored fields.</summary>
    private static string? IdOf(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.AtomicReader.GetSortedDocValues(PaperFields.Id) is not { } ids) return null;
        var id = new Lucene.Net.Util.BytesRef();
        ids.Get(doc - leaf.DocBase, id);
        return id.Length > 0 ? id.Utf8ToString() : null;
    }

    private void AddSimilarMeaning(Scores scores, IReadOnlyList<(string Id, float Score)> neighbours)
    {
        foreach (var (id, cosine) in neighbours)
        {
            var scaled = (cosine - w.MeaningFloor) / (1 - w.MeaningFloor);
            if (scaled > 0) scores.Add(id, w.SimilarMeaning, scaled, RelatedReason.SimilarMeaning);
        }
    }

    private void AddSharedTags(Scores scores, PaperGraph g, Paper paper)
    {
        var tags = paper.Tags.Select(TagNormalizer.Normalize).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        var total = tags.Sum(g.TagWeight);
        if (total <= 0) return;
        var shared = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var tag in tags)
            foreach (var id in g.WithTag(tag)) shared[id] = shared.GetValueOrDefault(id) + g.TagWeight(tag);
        foreach (var (id, weight) in shared) scores.Add(id, w.SharedTags, weight / total, RelatedReason.SharedTags);
    }

    private void AddSharedAuthors(Scores scores, PaperGraph g, Paper paper)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var author in paper.Authors.Select(AuthorNames.Fold).Where(a => a.Length > 0).Distinct())
            foreach (var id in g.ByAuthor(author)) shared[id] = shared.GetValueOrDefault(id) + 1;
        foreach (var (id, count) in shared) scores.Add(id, w.SharedAuthors, Math.Min(1, count / 2.0), RelatedReason.SharedAuthors);
    }

    /// <summary>The best candidates as papers, each looked up in the store (decoded only for the few shown).</summary>
    private IReadOnlyList<RelatedPaper> Rank(Scores scores, PaperGraph g, int limit, Paper? exclude) =>
        scores.Ranked()
            .Where(s => (exclude is null || s.Id != exclude.Id) && g.Contains(s.Id))
            .Select(s => (Paper: store.Find(s.Id), s.Score, s.Reasons))
            .Where(s => s.Paper is not null && !IsSamePaper(s.Paper, exclude))
            .Take(limit)
            .Select(s => new RelatedPaper(s.Paper!, s.Score, s.Reasons))
            .ToList();

    /// <summary>A duplicate note of the same paper under another id (no arXiv URL in one of them) is not "related".</summary>
    private static bool IsSamePaper(Paper candidate, Paper? paper) =>
        paper is not null && candidate.Title.Length > 0 && string.Equals(candidate.Title, paper.Title, StringComparison.OrdinalIgnoreCase);

    /// <summary>Running totals per candidate, and the reasons whose signal was strong enough to name.</summary>
    private sealed class Scores(double reasonThreshold)
    {
        /// <summary>How many of the best are picked without sorting every candidate (shared tags alone can bring thousands).</summary>
        private const int Head = 32;
        private readonly Dictionary<string, (double Score, List<string>? Reasons)> byId = new(StringComparer.Ordinal);

        public void AddAll(IEnumerable<string> ids, double weight, string reason)
        {
            foreach (var id in ids.Distinct(StringComparer.Ordinal)) Add(id, weight, 1, reason);
        }

        /// <summary>Adds <paramref name="weight"/> × <paramref name="strength"/> (0-1); names the reason when the strength reaches the threshold.</summary>
        public void Add(string id, double weight, double strength, string reason)
        {
            byId.TryGetValue(id, out var entry);
            var reasons = entry.Reasons;
            if (strength >= reasonThreshold && reasons?.Contains(reason) != true) (reasons ??= []).Add(reason);
            byId[id] = (entry.Score + weight * strength, reasons);
        }

        /// <summary>Best first (score, then id); the first <see cref="Head"/> come from a heap, the rest, if wanted, from a full sort.</summary>
        public IEnumerable<(string Id, double Score, IReadOnlyList<string> Reasons)> Ranked()
        {
            var head = new PriorityQueue<string, (string Id, double Score)>(Head + 1, WorstFirst.Instance);
            foreach (var (id, (score, _)) in byId)
            {
                if (head.Count < Head) head.Enqueue(id, (id, score));
                else if (WorstFirst.Instance.Compare((id, score), PeekPriority(head)) > 0) head.EnqueueDequeue(id, (id, score));
            }
            var best = new List<string>(head.Count);
            while (head.Count > 0) best.Add(head.Dequeue());
            best.Reverse();
            foreach (var id in best) yield return Entry(id);
            if (byId.Count <= best.Count) yield break;
            foreach (var kv in byId.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key, StringComparer.Ordinal).Skip(best.Count))
                yield return Entry(kv.Key);
        }

        private (string Id, double Score, IReadOnlyList<string> Reasons) Entry(string id) =>
            (id, byId[id].Score, (IReadOnlyList<string>?)byId[id].Reasons ?? []);

        private static (string Id, double Score) PeekPriority(PriorityQueue<string, (string Id, double Score)> queue) =>
            queue.TryPeek(out _, out var priority) ? priority : default;

        /// <summary>Orders from worst to best: lower score first; on equal scores the larger id is worse.</summary>
        private sealed class WorstFirst : IComparer<(string Id, double Score)>
        {
            public static readonly WorstFirst Instance = new();

            public int Compare((string Id, double Score) x, (string Id, double Score) y)
            {
                var byScore = x.Score.CompareTo(y.Score);
                return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
            }
        }
    }
}
