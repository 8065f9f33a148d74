using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lucene.Net.Search.Highlight;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Search;
using SearchService.Core.Store;

namespace SearchService.Benchmarks;

/// <summary>
/// <c>hotpath</c>: each stage of a keyword request timed alone, in process, over a stream of distinct queries of
/// three random corpus words (Korean and English mixed), one thread. Also times the classic Lucene highlighter
/// (a new QueryScorer per field per hit, re-analysing the text: what the service did before) on the same pages,
/// so the ratio of the two holds even on a busy machine. Quick: a guide while working, not the HTTP figure.
/// </summary>
public static partial class HotPathCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--queries").Skip(1).Select(int.Parse).FirstOrDefault(300);
        var clock = Stopwatch.StartNew();
        using var store = CorpusSnapshot.Read(BenchmarkCorpus.Folder()).Index(PaperAnalyzers.Create());
        Console.WriteLine($"{store.PaperCount} papers indexed in {clock.Elapsed.TotalSeconds:F1} s; {count} queries, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        // In id order, so the query stream does not depend on the order the store lists papers in.
        var everyPaper = store.Papers().OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var tags = new TagSpellingIndex(CatalogLists.NormalizedTags(everyPaper));
        var searcher = new KeywordSearcher(store.Index, new QueryExpansion(TerminologyMap.Load()), tagSpellings: () => tags, papers: store.Find);
        var queries = Queries(everyPaper, count, new Random(1));
        // As the service writes it (Hangul as itself).
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // Warm up the JIT and caches on other queries, then time each stage over the same stream.
        foreach (var q in Queries(everyPaper, 50, new Random(2))) searcher.Search(new SearchRequest { Query = q });
        var prepared = queries.Select(q => searcher.Prepare(q)).ToList();
        var pages = prepared.Select((p, i) => searcher.Search(new SearchRequest { Query = queries[i] }, p)).ToList();
        var papers = pages.Select(p => (IReadOnlyList<Paper>)p.Results.Select(r => store.Find(r.Id)!).ToList()).ToList();
        var classic = new ClassicHighlighter(store.Index.Analyzer);

        var stages = new List<(string Name, Func<int, object?> Run)>();
        Time("parse and build the query", i => searcher.Prepare(queries[i]));
        var filter = new Lucene.Net.Search.QueryWrapperFilter(new PaperQueryBuilder(store.Index.Analyzer).BuildFilter(new SearchRequest()));
        Time("BM25 alone: top 10 and total", i =>
        {
            using var lease = store.Index.Lease();
            var top = Lucene.Net.Search.TopScoreDocCollector.Create(10, true);
            lease.Searcher.Search(prepared[i].Scoring ?? new Lucene.Net.Search.MatchAllDocsQuery(), filter, top);
            return top.TotalHits;
        });
        Time("BM25 and facets (tags, years, authors)", i =>
        {
            using var lease = store.Index.Lease();
            var top = Lucene.Net.Search.TopScoreDocCollector.Create(10, true);
            using var facets = new FacetCollector(lease.Searcher.IndexReader, PaperFields.FacetTag, PaperFields.FacetYear, PaperFields.FacetAuthor);
            lease.Searcher.Search(prepared[i].Scoring ?? new Lucene.Net.Search.MatchAllDocsQuery(), filter, Lucene.Net.Search.MultiCollector.Wrap(top, facets));
            return facets.Top(PaperFields.FacetAuthor, 10);
        });
        Time("rank: top 10, total, facets (no papers)", i => searcher.Rank(new SearchRequest { Query = queries[i] }, prepared[i], 10));
        Time("rank: top 10 and total, no facets", i => searcher.Rank(new SearchRequest { Query = queries[i] }, prepared[i], 10, withFacets: false));
        Time("highlight 10 hits from the stored offsets", i => searcher.Highlights(prepared[i], papers[i]));
        var analysing = new SnippetHighlighter(store.Index.Analyzer);
        using var held = store.Index.Lease();
        var docs = papers.Select(page => page.Select(p => held.Searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(PaperFields.Id, p.Id)), 1).ScoreDocs[0].Doc).ToList()).ToList();
        Time("highlight 10 hits from the stored offsets, documents known", i =>
        {
            var offsets = new IndexedOffsets(held.Searcher.IndexReader);
            return papers[i].Select((p, n) => analysing.For(prepared[i].Highlight, p, offsets, docs[i][n])).ToList();
        });
        Time("highlight 10 hits by analysing their text once", i => papers[i].Select(p => analysing.For(prepared[i].Highlight, p)).ToList());
        Time("highlight 10 hits, classic Highlighter (before)", i => papers[i].Select(p => classic.For(prepared[i].Scoring, p)).ToList());
        Time("whole page: prepare + search + highlights", i => searcher.Search(new SearchRequest { Query = queries[i] }));
        // What a page costs when none of its papers is in the store's cache: each hit looked up and decoded from the index.
        var uncached = new KeywordSearcher(store.Index, new QueryExpansion(TerminologyMap.Load()), tagSpellings: () => tags, papers: store.Index.ReadPaper);
        Time("whole page, every hit decoded from the index (cache misses)", i => uncached.Search(new SearchRequest { Query = queries[i] }));
        Time("serialize the page as JSON", i => JsonSerializer.SerializeToUtf8Bytes(pages[i], json));
        using var related = new SearchService.Core.Related.RelatedPapers(store);
        var all = everyPaper;
        related.For(all[0], 10);
        Time("related papers of a random paper (no embeddings)", i => related.For(all[(i * 7919) % all.Count], 10));
        Time("  of which the English similar-text query and its search", i => SimilarText(store, all[(i * 7919) % all.Count]));
        Time("  the same with Lucene's MoreLikeThis (before)", i => MoreLikeThis(store, all[(i * 7919) % all.Count]));

        // Stages take turns query by query, so a burst of load from other processes falls on all of them alike.
        // Bytes allocated are counted too: unlike time, they do not depend on what else the machine runs.
        var elapsed = new double[stages.Count];
        var allocated = new long[stages.Count];
        for (var i = 0; i < queries.Count; i++)
            for (var s = 0; s < stages.Count; s++)
            {
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                stages[s].Run(i);
                elapsed[s] += Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                allocated[s] += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            }
        Console.WriteLine();
        Console.WriteLine("| stage | µs per query | queries/s (one thread) | KB allocated per query |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        for (var s = 0; s < stages.Count; s++)
        {
            var micros = elapsed[s] / queries.Count;
            var kilobytes = allocated[s] / 1024.0 / queries.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stages[s].Name} | {micros:F0} | {1e6 / micros:F0} | {kilobytes:F1} |"));
        }
        return Task.FromResult(0);

        void Time(string name, Func<int, object?> stage) => stages.Add((name, stage));
    }

    private static readonly string[] EnglishFields = [PaperFields.Title, PaperFields.Abstract, PaperFields.English];

    private static string EnglishText(Paper paper) => string.Join('\n', paper.Title, paper.Abstract, paper.EnglishCommentary);

    /// <summary>The English similar-text part of related papers alone, built as <c>RelatedPapers</c> builds it.</summary>
    private static int SimilarText(PaperStore store, Paper paper)
    {
        using var lease = store.Index.Lease();
        var reader = lease.Searcher.IndexReader;
        var terms = new SharedTermStates(reader);
        var query = SearchService.Core.Related.SimilarTextQuery.Build(reader, terms, store.Index.Analyzer, EnglishText(paper), EnglishFields, PaperFields.English);
        return query is null ? 0 : lease.Searcher.Search(terms.Apply(query), 60).TotalHits;
    }

    /// <summary>The same with Lucene's MoreLikeThis, as related papers built it before (a terms enumerator per word and field).</summary>
    private static int MoreLikeThis(PaperStore store, Paper paper)
    {
        using var lease = store.Index.Lease();
        var mlt = new Lucene.Net.Queries.Mlt.MoreLikeThis(lease.Searcher.IndexReader)
        {
            Analyzer = store.Index.Analyzer,
            FieldNames = EnglishFields,
            MinTermFreq = 1, MinDocFreq = 1, MaxQueryTerms = 40, MinWordLen = 2, ApplyBoost = true,
        };
        using var text = new StringReader(EnglishText(paper));
        var query = mlt.Like(text, PaperFields.English);
        return lease.Searcher.Search(query, 60).TotalHits;
    }

    /// <summary>Three random words of the corpus each, drawn from its titles, abstracts and commentaries.</summary>
    public static List<string> Queries(IReadOnlyList<Paper> papers, int count, Random random)
    {
        var words = papers
            .SelectMany(p => Word().Matches(string.Join(' ', p.Title, p.Abstract, p.KoreanCommentary)).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Enumerable.Range(0, count).Select(_ => string.Join(' ', words[random.Next(words.Count)], words[random.Next(words.Count)], words[random.Next(words.Count)])).ToList();
    }

    [GeneratedRegex(@"\b[A-Za-z][a-z]{3,14}\b|[\uac00-\ud7a3]{2,6}")]
    private static partial Regex Word();

    /// <summary>How snippets were made before term vectors: a QueryScorer and Highlighter per field per hit.</summary>
    private sealed class ClassicHighlighter(Lucene.Net.Analysis.Analyzer analyzer)
    {
        public List<string> For(Lucene.Net.Search.Query? query, Paper paper)
        {
            var snippets = new List<string>();
            if (query is null) return snippets;
            foreach (var (field, text) in new[] { (PaperFields.Title, paper.Title), (PaperFields.Korean, paper.KoreanCommentary), (PaperFields.English, paper.EnglishCommentary), (PaperFields.Abstract, paper.Abstract) })
            {
                if (text.Length == 0) continue;
                var scorer = new QueryScorer(query, field);
                var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), scorer)
                {
                    TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetWindow.Chars),
                    MaxDocCharsToAnalyze = 20_000,
                };
                using var tokens = analyzer.GetTokenStream(field, text);
                if (highlighter.GetBestFragment(tokens, text) is { Length: > 0 } best) snippets.Add(best);
                if (snippets.Count == 3) break;
            }
            return snippets;
        }
    }
}
