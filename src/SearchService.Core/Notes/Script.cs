namespace SearchService.Core.Notes;

/// <summary>
/// Which writing system a piece of text uses: the notes tell Korean from English commentary by it, and the
/// Korean analysis splits Hangul from Latin by it. The one definition of Hangul for every stage.
/// </summary>
public static class Script
{
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
            if (IsHangul(c)) return true;
        }
        return false;
    }

    /// <summary>The share of the letters of <paramref name="text"/> that are Hangul: 1 for a Korean query, 0 for an English one, 0 without letters.</summary>
    public static double HangulShare(ReadOnlySpan<char> text)
    {
        int letters = 0, hangul = 0;
        foreach (var c in text)
        {
            if (IsHangul(c)) hangul++;
            else if (!char.IsLetter(c)) continue;
            letters++;
        }
        return letters == 0 ? 0 : hangul / (double)letters;
    }

    public static bool ContainsLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c)) return true;
        }
        return false;
    }
}
