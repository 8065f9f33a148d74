namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Finds the dictionary terms in a query and returns their equivalents in the other language: English terms
/// for Korean words (to search the English fields), Korean terms for English words (to search the Korean
/// commentary). A query builder should give these clauses a boost below 1 (<c>KeywordWeights.Expansion</c>),
/// so an expanded term scores below a term the user typed.
/// </summary>
public sealed class QueryExpansion : ITermExpander
{
    private readonly TerminologyMap _map;

    public QueryExpansion(TerminologyMap map)
    {
        _map = map;
    }

    /// <summary>The dictionary expanded from.</summary>
    public TerminologyMap Map => _map;

    /// <summary>
    /// The expansions of <paramref name="queryText"/>, longest match first: 강화 학습 expands as one term,
    /// not as 강화 and 학습. Each target appears once.
    /// </summary>
    public IReadOnlyList<TermExpansion> Expand(string queryText) => Expand(queryText, unmatched: null);

    /// <summary>As <see cref="Expand(string)"/>, also listing the words no entry matched in <paramref name="unmatched"/>.</summary>
    internal IReadOnlyList<TermExpansion> Expand(string queryText, List<AnalyzedToken>? unmatched)
    {
        // Korean analysis handles both scripts: Hangul words lose their particles and Latin words are
        // analyzed exactly as the English analyzer does, so one pass finds keys of either language.
        var tokens = AnalyzedToken.Analyze(TerminologyMap.KoreanTermAnalyzer, queryText);
        var expansions = new List<TermExpansion>();
        var seen = new HashSet<(string, string)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = MatchAt(tokens, i, queryText, expansions, seen);
            if (matched == 0) unmatched?.Add(tokens[i]);
            i += Math.Max(matched, 1);
        }
        return expansions;
    }

    private int MatchAt(List<AnalyzedToken> tokens, int start, string queryText, List<TermExpansion> expansions, HashSet<(string, string)> seen)
    {
        for (var length = Math.Min(_map.MaxKeyTerms, tokens.Count - start); length > 0; length--)
        {
            var entries = _map.Lookup(tokens.Skip(start).Take(length).Select(t => t.Term));
            if (entries.Count == 0)
            {
                continue;
            }
            var source = queryText[tokens[start].Start..tokens[start + length - 1].End];
            foreach (var entry in entries)
            {
                if (seen.Add((entry.Target, entry.TargetLanguage)))
                {
                    expansions.Add(new TermExpansion(source, entry.Target, entry.TargetLanguage, entry.Weight));
                }
            }
            return length;
        }
        return 0;
    }
}
