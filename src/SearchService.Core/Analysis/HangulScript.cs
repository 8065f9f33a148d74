namespace SearchService.Core.Analysis;

/// <summary>Character tests for the Hangul script, shared by the Korean filters and the query splitter.</summary>
public static class HangulScript
{
    /// <summary>Token type given to Hangul runs; the same string <c>StandardTokenizer</c> uses.</summary>
    public const string TokenType = "<HANGUL>";

    /// <summary>True for Hangul syllables and every block of Hangul jamo, including half-width jamo.</summary>
    public static bool IsHangul(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3')      // precomposed syllables
            or (>= '\u1100' and <= '\u11FF')    // conjoining jamo
            or (>= '\u3130' and <= '\u318F')    // compatibility jamo
            or (>= '\uA960' and <= '\uA97F')    // jamo extended-A
            or (>= '\uD7B0' and <= '\uD7FF')    // jamo extended-B
            or (>= '\uFFA0' and <= '\uFFDC');   // half-width jamo

    /// <summary>True when the text holds at least one Hangul character.</summary>
    public static bool ContainsHangul(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsHangul(c))
            {
                return true;
            }
        }
        return false;
    }
}
