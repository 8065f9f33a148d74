using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>A term as an analyzer produced it, with the span of input it came from.</summary>
internal readonly record struct AnalyzedToken(string Term, int Start, int End)
{
    /// <summary>
    /// Runs <paramref name="text"/> through <paramref name="analyzer"/>. Stacked tokens (position increment 0,
    /// such as Hangul bigrams) are skipped: terminology matches whole words in order.
    /// </summary>
    public static List<AnalyzedToken> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream("terminology", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (posInc.PositionIncrement > 0 || tokens.Count == 0)
            {
                tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
            }
        }
        stream.End();
        return tokens;
    }
}
