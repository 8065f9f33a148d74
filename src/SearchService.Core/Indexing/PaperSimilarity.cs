using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// BM25 exactly as Lucene's <see cref="BM25Similarity"/> scores it (k1 1.2, b 0.75; the same norms on disk, the same
/// floating-point steps, so every score is the same), without its per-query allocations. Lucene's version fills a
/// 256-entry table of length factors and formats an idf explanation string for every term of every query, though both
/// depend only on the field's average length and the term's statistics; a keyword query has forty-odd terms. Here the
/// table is made once per average length and shared, and explanations are built only when a score is explained.
/// </summary>
public sealed class PaperSimilarity : Similarity
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>What a norm byte decodes to (the field's length), as Lucene's BM25 decodes it.</summary>
    private static readonly float[] LengthOfNorm = BuildLengthOfNorm();

    private const int MaxAverages = 1024;

    /// <summary>Length factors by average field length: an average changes only when the index does.</summary>
    private static readonly ConcurrentDictionary<float, float[]> LengthFactors = new();

    private static float[] BuildLengthOfNorm()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            var f = SmallSingle.SByte315ToSingle((sbyte)i);
            table[i] = 1.0f / (f * f);
        }
        return table;
    }

    public override long ComputeNorm(FieldInvertState state)
    {
        var length = state.Length - state.NumOverlap;
        return SmallSingle.SingleToByte315(state.Boost / (float)Math.Sqrt(length));
    }

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var idf = 0f;
        foreach (var term in termStats) idf += Idf(term.DocFreq, collectionStats.MaxDoc);
        var average = AverageLength(collectionStats);
        return new Stats(collectionStats.Field, idf, queryBoost, average, FactorsOf(average));
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Stats)weight;
        return new Scorer(stats, PlainNorms.Of(context.AtomicReader, stats.Field));
    }

    private static float Idf(long docFreq, long docCount) => (float)Math.Log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));

    private static float AverageLength(CollectionStatistics stats) =>
        stats.SumTotalTermFreq <= 0 ? 1f : (float)(stats.SumTotalTermFreq / (double)stats.MaxDoc);

    private static float[] FactorsOf(float average)
    {
        if (LengthFactors.TryGetValue(average, out var known)) return known;
        // Every write moves the averages a little; a long-running service forgets the old ones now and then. Counted only
        // here, on a miss: the dictionary's Count takes every one of its locks, which made concurrent queries queue.
        if (LengthFactors.Count > MaxAverages) LengthFactors.Clear();
        return LengthFactors.GetOrAdd(average, FactorsFor);
    }

    /// <summary>The part of BM25's denominator that depends only on a document's length, for each norm byte.</summary>
    private static float[] FactorsFor(float average)
    {
        var factors = new float[256];
        for (var i = 0; i < factors.Length; i++) factors[i] = K1 * ((1 - B) + B * LengthOfNorm[i] / average);
        return factors;
    }

    private sealed class Stats(string field, float idf, float queryBoost, float average, float[] factors) : SimWeight
    {
        public string Field { get; } = field;
        public float Idf { get; } = idf;
        public float QueryBoost { get; } = queryBoost;
        public float Average { get; } = average;
        public float[] Factors { get; } = factors;
        public float TopLevelBoost { get; private set; }
        public float Weight { get; private set; }

        public override float GetValueForNormalization()
        {
            var queryWeight = Idf * QueryBoost;
            return queryWeight * queryWeight;
        }

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            TopLevelBoost = topLevelBoost;
            Weight = Idf * QueryBoost * topLevelBoost;
        }
    }

    private sealed class Scorer(Stats stats, byte[]? norms) : SimScorer
    {
        private readonly float weight = stats.Weight * (K1 + 1);

        public override float Score(int doc, float freq)
        {
            // Without norms, as if b were 0.
            var norm = norms is null ? K1 : stats.Factors[norms[doc]];
            return weight * freq / (freq + norm);
        }

        public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;

        public override Explanation Explain(int doc, Explanation freq)
        {
            var boost = stats.QueryBoost * stats.TopLevelBoost;
            var length = norms is null ? stats.Average : LengthOfNorm[norms[doc]];
            var tf = freq.Value * (K1 + 1) / (freq.Value + (norms is null ? K1 : K1 * (1 - B + B * length / stats.Average)));
            var result = new Explanation(boost * stats.Idf * tf, $"BM25 score(doc={doc}), product of:");
            result.AddDetail(new Explanation(boost, "boost"));
            result.AddDetail(new Explanation(stats.Idf, "idf"));
            var tfNorm = new Explanation(tf, $"tfNorm, from freq, k1 {K1}, b {B}, average length {stats.Average}, length {length}");
            tfNorm.AddDetail(freq);
            result.AddDetail(tfNorm);
            return result;
        }
    }
}
