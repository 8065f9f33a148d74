using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// A <see cref="BooleanQuery"/> of SHOULD clauses only, scored exactly as Lucene scores one (the same matches, the same
/// scores to the last bit), by a scorer that keeps its clauses in a heap of (scorer, document) pairs. Lucene's own
/// disjunction keeps a heap of <see cref="Scorer"/> references: every move in it asks each scorer for its document
/// through a virtual call, and every store into that array is type-checked (the .NET port's arrays of an abstract
/// class). At a million papers a keyword search spent a fifth of its time there: each word is looked up in six fields.
/// The scores are those of a search in document order, as <see cref="SlicedSearch"/> runs every search (for a top-level
/// disjunction searched out of order Lucene uses its bucketed BooleanScorer, which sums in another order).
/// </summary>
public sealed class OrQuery : Query
{
    private readonly BooleanQuery clauses;

    private OrQuery(BooleanQuery clauses)
    {
        this.clauses = clauses;
        Boost = clauses.Boost;
    }

    /// <summary>
    /// <paramref name="query"/> with each BooleanQuery of two or more SHOULD clauses (and no minimum to match) made an
    /// <see cref="OrQuery"/> and each one that only filters made an <see cref="AtLeastQuery"/>, at any depth; other
    /// queries are kept as they are. Matches and scores do not change.
    /// </summary>
    public static Query Of(Query query)
    {
        if (query is not BooleanQuery boolean) return query;
        var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses) copy.Add(Of(clause.Query), clause.Occur);
        var pure = copy.Clauses.Count > 1 && copy.MinimumNumberShouldMatch <= 1 && copy.Clauses.All(c => c.Occur == Occur.SHOULD);
        return pure ? new OrQuery(copy) : AtLeastQuery.For(copy) ?? (Query)copy;
    }

    public override Query Rewrite(IndexReader reader)
    {
        // Copied only when a clause rewrites or the boost moved (a parent folded its own in), as BooleanQuery does:
        // a search rewrites every query until nothing changes.
        var rewritten = RewriteClauses(clauses, reader);
        if (rewritten is null && Boost == clauses.Boost) return this;
        rewritten ??= (BooleanQuery)clauses.Clone();
        rewritten.Boost = Boost;
        return new OrQuery(rewritten);
    }

    /// <summary>A copy of <paramref name="boolean"/> with its clauses rewritten, or null when none rewrites.</summary>
    internal static BooleanQuery? RewriteClauses(BooleanQuery boolean, IndexReader reader)
    {
        BooleanQuery? rewritten = null;
        for (var i = 0; i < boolean.Clauses.Count; i++)
        {
            var clause = boolean.Clauses[i];
            var query = clause.Query.Rewrite(reader);
            if (ReferenceEquals(query, clause.Query)) continue;
            rewritten ??= (BooleanQuery)boolean.Clone();
            rewritten.Clauses[i] = new BooleanClause(query, clause.Occur);
        }
        return rewritten;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new OrWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => clauses.ExtractTerms(terms);

    /// <summary>As the BooleanQuery it stands for, in the parentheses a BooleanQuery puts around a nested one.</summary>
    public override string ToString(string field) => $"({clauses.ToString(field)})";

    public override bool Equals(object? obj) => obj is OrQuery other && Boost == other.Boost && clauses.Equals(other.clauses);

    public override int GetHashCode() => clauses.GetHashCode() ^ 0x4F52;

    private sealed class OrWeight : Weight
    {
        private readonly OrQuery query;
        private readonly Weight[] weights;
        private readonly float[] coord;

        public OrWeight(OrQuery query, IndexSearcher searcher)
        {
            this.query = query;
            weights = query.clauses.Clauses.Select(c => c.Query.CreateWeight(searcher)).ToArray();
            // As BooleanWeight: coord(overlap, clauses), 1 when coordination is disabled.
            coord = new float[weights.Length + 1];
            for (var i = 0; i < coord.Length; i++)
                coord[i] = query.clauses.CoordDisabled || weights.Length == 1 ? 1f : searcher.Similarity.Coord(i, weights.Length);
        }

        public override Query Query => query;

        public override float GetValueForNormalization()
        {
            var sum = 0f;
            foreach (var weight in weights) sum += weight.GetValueForNormalization();
            // In BooleanWeight's order of rounding: the boost squared first.
            return sum * (query.Boost * query.Boost);
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var weight in weights) weight.Normalize(norm, topLevelBoost * query.Boost);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var sum = new ComplexExplanation { Description = "sum of:" };
            var matched = 0;
            var total = 0f;
            foreach (var weight in weights)
            {
                if (weight.GetScorer(context, context.AtomicReader.LiveDocs) is null) continue;
                var part = weight.Explain(context, doc);
                if (!part.IsMatch) continue;
                sum.AddDetail(part);
                total += part.Value;
                matched++;
            }
            sum.Match = matched > 0;
            sum.Value = total * coord[matched];
            return sum;
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var subs = new List<Scorer>(weights.Length);
            foreach (var weight in weights)
                if (weight.GetScorer(context, acceptDocs) is { } scorer) subs.Add(scorer);
            return subs.Count switch
            {
                0 => null,
                // Lucene scores a lone clause as the clause, times coord(1, n).
                1 when coord[1] == 1f => subs[0],
                _ => new OrScorer(this, subs, coord),
            };
        }
    }
}
