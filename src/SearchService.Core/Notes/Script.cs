namespace SearchService.Core.Notes;

/// <summary>Which writing system a piece of text uses; the notes tell Korean from English commentary by it.</summary>
internal static class Script
{
    public static bool IsHangul(char c) =>
        c is >= '\uAC00' and <= '\uD7A3'     // syllables
            or >= '\u1100' and <= '\u11FF'   // jamo
            or >= '\u3130' and <= '\u318F'   // compatibility jamo
            or >= '\uA960' and <= '\uA97F'   // jamo extended-A
            or >= '\uD7B0' and <= '\uD7FF';  // jamo extended-B

    public static bool ContainsHangul(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsHangul(c)) return true;
        }
        return false;
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
