using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Marks every token that holds Hangul as a keyword, so the English filters placed after it
/// (possessive removal and Porter stemming honour <see cref="IKeywordAttribute"/>) touch Latin tokens only.
/// </summary>
public sealed class HangulKeywordMarkerFilter : KeywordMarkerFilter
{
    private readonly ICharTermAttribute _term;

    public HangulKeywordMarkerFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool IsKeyword() =>
        Script.ContainsHangul(_term.Buffer.AsSpan(0, _term.Length));
}
