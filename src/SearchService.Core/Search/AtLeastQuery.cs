using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Search;

/// <summary>
/// A <see cref="BooleanQuery"/> of SHOULD clauses with a minimum to match of two or more and a boost of 0: it decides
/// which papers match and adds nothing to their scores (the keyword query's coverage clause, "at least two of the
/// words"). Lucene matches it with its MinShouldMatchSumScorer, which scores every clause on every candidate only to
/// multiply the sum by 0; this query matches the same papers and scores each 0 without asking any clause for a score.
/// The sum a parent makes is then bit for bit Lucene's: it adds the same +0.
/// </summary>
public sealed class AtLeastQuery : Query
{
    private readonly BooleanQuery clauses;

    private AtLeastQuery(BooleanQuery clauses) => this.clauses = clauses;

    /// <summary>The minimum number of clauses a match has.</summary>
    public int Minimum => clauses.MinimumNumberShouldMatch;

    /// <summary>An <see cref="AtLeastQuery"/> for <paramref name="boolean"/> when it is one (boost 0, SHOULD clauses only, a minimum of two or more), else null.</summary>
    public static AtLeastQuery? For(BooleanQuery boolean) =>
        boolean.Boost == 0 && boolean.MinimumNumberShouldMatch > 1 && boolean.Clauses.All(c => c.Occur == Occur.SHOULD)
            ? new AtLeastQuery(boolean)
            : null;

    public override float Boost
    {
        get => 0f;
        // A parent folding its boost into a child multiplies 0 by it.
        set { }
    }

    public override Query Rewrite(IndexReader reader) =>
        OrQuery.RewriteClauses(clauses, reader) is { } rewritten ? new AtLeastQuery(rewritten) : this;

    public override Weight CreateWeight(IndexSearcher searcher) => new AtLeastWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => clauses.ExtractTerms(terms);

    /// <summary>As the BooleanQuery it stands for: "(a b c)~2^0.0".</summary>
    public override string ToString(string field) => clauses.ToString(field);

    public override bool Equals(object? obj) => obj is AtLeastQuery other && clauses.Equals(other.clauses);

    public override int GetHashCode() => clauses.GetHashCode() ^ 0x414C;

    private sealed class AtLeastWeight : Weight
    {
        private readonly AtLeastQuery query;
        private readonly Weight[] weights;

        public AtLeastWeight(AtLeastQuery query, IndexSearcher searcher)
        {
            this.query = query;
            weights = query.clauses.Clauses.Select(c => c.Query.CreateWeight(searcher)).ToArray();
        }

        public override Query Query => query;

        /// <summary>BooleanWeight's sum of its clauses' values times the boost squared: 0 for any (finite) sum.</summary>
        public override float GetValueForNormalization() => 0f;

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var weight in weights) weight.Normalize(norm, 0f);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            var match = scorer is not null && scorer.Advance(doc) == doc;
            return new ComplexExplanation(match, 0f, match
                ? $"matches at least {query.Minimum} of its clauses, score 0"
                : $"matches fewer than {query.Minimum} of its clauses");
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var subs = new List<Scorer>(weights.Length);
            foreach (var weight in weights)
                if (weight.GetScorer(context, acceptDocs) is { } scorer) subs.Add(scorer);
            return subs.Count < query.Minimum ? null : new AtLeastScorer(this, subs, query.Minimum);
        }
    }
}
