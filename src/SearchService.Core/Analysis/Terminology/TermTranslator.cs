using SearchService.Core.Analysis;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Puts a query into English with the terminology dictionary: the Latin words as typed, plus the English
/// equivalent of every Korean term the dictionary knows. Korean words it does not know are dropped, since the
/// English-only model would read them as unknown word pieces.
/// </summary>
public sealed class TermTranslator(QueryExpansion expansion) : IQueryTranslator
{
    private readonly QueryTextSplitter splitter = new();

    public string Fingerprint => "terms:" + expansion.Map.Fingerprint;

    public string ToEnglish(string query)
    {
        var parts = splitter.Split(query);
        var english = expansion.Expand(parts.HangulText)
            .Where(e => e.TargetLanguage == TermExpansion.English)
            .Select(e => e.Target);
        return string.Join(' ', parts.Latin.Concat(english));
    }
}
