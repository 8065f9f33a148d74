using SearchService.Core.Analysis;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Puts a query into English with the terminology dictionary: the Latin words as typed, plus the English
/// equivalent of every Korean term the dictionary knows. Korean words it does not know are dropped, since the
/// English-only model would read them as unknown word pieces.
/// </summary>
/// <param name="expansion">Finds the English of the Korean terms: the dictionary, or more (<c>LoanwordExpansion</c>, for queries).</param>
/// <param name="map">The dictionary, whose fingerprint is this translator's.</param>
public sealed class TermTranslator(ITermExpander expansion, TerminologyMap map) : IQueryTranslator
{
    private readonly QueryTextSplitter splitter = new();

    /// <summary>Translates with the dictionary of <paramref name="expansion"/> alone.</summary>
    public TermTranslator(QueryExpansion expansion) : this(expansion, expansion.Map)
    {
    }

    public string Fingerprint => "terms:" + map.Fingerprint;

    public string ToEnglish(string query)
    {
        var parts = splitter.Split(query);
        var english = expansion.Expand(parts.HangulText)
            .Where(e => e.TargetLanguage == TermExpansion.English)
            .Select(e => e.Target);
        return string.Join(' ', parts.Latin.Concat(english));
    }
}
