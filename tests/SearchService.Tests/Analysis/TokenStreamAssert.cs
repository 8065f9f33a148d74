using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Tests.Analysis;

/// <summary>
/// Checks what an analyzer produces, in the spirit of lucenenet's BaseTokenStreamTestCase.AssertAnalyzesTo:
/// terms always, offsets, position increments and types when given. It also runs the stream through its
/// whole contract (Reset, IncrementToken, End, Dispose), so a filter that breaks the contract fails here.
/// </summary>
internal static class TokenStreamAssert
{
    public static void AnalyzesTo(
        Analyzer analyzer,
        string text,
        string[] terms,
        int[]? startOffsets = null,
        int[]? endOffsets = null,
        int[]? positionIncrements = null,
        string[]? types = null)
    {
        var tokens = Analyze(analyzer, text);
        Assert.Equal(terms, tokens.Select(t => t.Term).ToArray());
        if (startOffsets is not null)
        {
            Assert.Equal(startOffsets, tokens.Select(t => t.Start).ToArray());
        }
        if (endOffsets is not null)
        {
            Assert.Equal(endOffsets, tokens.Select(t => t.End).ToArray());
        }
        if (positionIncrements is not null)
        {
            Assert.Equal(positionIncrements, tokens.Select(t => t.PositionIncrement).ToArray());
        }
        if (types is not null)
        {
            Assert.Equal(types, tokens.Select(t => t.Type).ToArray());
        }
    }

    /// <summary>Terms only, for tests that care about what is searchable rather than where.</summary>
    public static string[] Terms(Analyzer analyzer, string text) =>
        Analyze(analyzer, text).Select(t => t.Term).ToArray();

    public static IReadOnlyList<Token> Analyze(Analyzer analyzer, string text) =>
        Collect(analyzer.GetTokenStream("field", text), text.Length);

    /// <summary>Consumes and disposes <paramref name="stream"/>, checking its offsets against the input length.</summary>
    public static IReadOnlyList<Token> Collect(TokenStream stream, int textLength)
    {
        var tokens = new List<Token>();
        using var _ = stream;
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var lastStart = 0;
        while (stream.IncrementToken())
        {
            Assert.True(offset.StartOffset >= 0 && offset.StartOffset <= offset.EndOffset, "offsets out of order");
            Assert.True(offset.EndOffset <= textLength, "end offset past the input");
            Assert.True(offset.StartOffset >= lastStart || posInc.PositionIncrement == 0, "start offset went backwards");
            Assert.True(term.Length > 0, "empty token");
            Assert.True(posInc.PositionIncrement >= 0, "negative position increment");
            lastStart = offset.StartOffset;
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset, posInc.PositionIncrement, type.Type));
        }
        stream.End();
        return tokens;
    }

    public sealed record Token(string Term, int Start, int End, int PositionIncrement, string Type);
}
