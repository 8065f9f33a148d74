using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Loanwords;

/// <summary>
/// The dictionary's expansions, plus the English word of the corpus that each remaining Hangul word transliterates
/// (<see cref="LoanwordIndex"/>): 미스트랄 finds the notes that write Mistral. A sound match is a guess, so it
/// weighs <paramref name="weight"/> of a dictionary entry, and a word the dictionary knows is never guessed.
/// </summary>
/// <param name="loanwords">The current index (rebuilt off the request path when papers change).</param>
public sealed class LoanwordExpansion(QueryExpansion dictionary, Func<LoanwordIndex> loanwords, float weight = LoanwordExpansion.DefaultWeight) : ITermExpander
{
    /// <summary>Share of a dictionary entry's boost a sound match gets; the best of 0.3, 0.5 and 0.8 on the dev queries (benchmarks/README.md).</summary>
    public const float DefaultWeight = 0.5f;

    public IReadOnlyList<TermExpansion> Expand(string queryText)
    {
        var unmatched = new List<AnalyzedToken>();
        var dictionaryExpansions = dictionary.Expand(queryText, unmatched);
        var hangul = unmatched.Where(t => t.Term.Length >= 2 && Script.IsHangul(t.Term[0])).ToList();
        if (hangul.Count == 0) return dictionaryExpansions;
        var index = loanwords();
        var expansions = dictionaryExpansions.ToList();
        foreach (var token in hangul)
        {
            if (index.Match(token.Term) is not { } match || expansions.Any(e => e.Target == match.English)) continue;
            expansions.Add(new TermExpansion(queryText[token.Start..token.End], match.English, TermExpansion.English, weight));
        }
        return expansions;
    }
}
