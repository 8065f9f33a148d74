namespace SearchService.Core.Notes;

/// <summary>
/// Finds tags in note lines. A tag is '#' then a letter or digit, at the start of a white-space separated token,
/// holding at least one letter: that keeps out <c>#1</c>, <c>C#</c> (not token start), <c>## heading</c>,
/// <c># Links</c> and URL fragments (the '#' is inside the URL token).
/// </summary>
internal static class TagReader
{
    /// <summary>Longest leftover after the tags that still counts as a stray keystroke rather than text.</summary>
    private const int MaxStrayLength = 3;

    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '`'];

    public static bool TryReadTag(string token, out string tag)
    {
        tag = "";
        if (token.Length < 2 || token[0] != '#' || !char.IsLetterOrDigit(token[1])) return false;
        var body = token[1..].TrimEnd(TrailingPunctuation);
        if (body.Contains('#') || !Script.ContainsLetter(body)) return false;
        tag = body;
        return true;
    }

    /// <summary>
    /// Reads a line made of tags, allowing a short stray leftover after them ("#moe a").
    /// Returns false for anything else, such as a title that starts with "#InsTag:".
    /// </summary>
    public static bool TryReadTagLine(string line, out List<string> tags, out string stray)
    {
        tags = [];
        stray = "";
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var index = 0;
        while (index < tokens.Length && TryReadTag(tokens[index], out var tag))
        {
            tags.Add(tag);
            index++;
        }
        if (tags.Count == 0) return false;
        stray = string.Join(' ', tokens[index..]);
        if (stray.Length <= MaxStrayLength) return true;
        tags.Clear();
        stray = "";
        return false;
    }

    /// <summary>Splits "text ... #tag #tag" into the text and the tags; false when the line does not end in tags.</summary>
    public static bool TryReadTrailingTags(string line, out string text, out List<string> tags)
    {
        tags = [];
        text = line;
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var first = tokens.Length;
        while (first > 0 && TryReadTag(tokens[first - 1], out _)) first--;
        if (first == tokens.Length || first == 0) return false;
        foreach (var token in tokens[first..])
        {
            TryReadTag(token, out var tag);
            tags.Add(tag);
        }
        var cut = line.TrimEnd().Length;
        for (var i = tokens.Length - 1; i >= first; i--) cut = line.LastIndexOf(tokens[i], cut - 1, StringComparison.Ordinal);
        text = line[..cut].TrimEnd();
        return true;
    }
}
