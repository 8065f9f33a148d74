using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>Wiki links between notes: <c>[[name]]</c>, <c>[[name|shown]]</c>, <c>[[name#heading]]</c>.</summary>
internal static partial class NoteLinks
{
    /// <summary>The note names linked from <paramref name="line"/>, in order.</summary>
    public static IEnumerable<string> Read(string line)
    {
        if (!line.Contains("[[", StringComparison.Ordinal)) yield break;
        foreach (Match match in WikiLink().Matches(line))
        {
            var name = match.Groups["name"].Value.Trim();
            if (name.Length > 0) yield return name;
        }
    }

    /// <summary>The line as a reader sees it: each link replaced by its shown text, else by its name.</summary>
    public static string ToDisplayText(string line)
    {
        if (!line.Contains("[[", StringComparison.Ordinal)) return line;
        return WikiLink().Replace(line, match =>
            match.Groups["shown"].Success && match.Groups["shown"].Value.Trim().Length > 0
                ? match.Groups["shown"].Value.Trim()
                : match.Groups["name"].Value.Trim());
    }

    /// <summary>True when the line holds links and nothing else worth reading (the lines under "# Links").</summary>
    public static bool IsLinkOnlyLine(string line) =>
        line.Contains("[[", StringComparison.Ordinal) && !Script.ContainsLetter(WikiLink().Replace(line, ""));

    [GeneratedRegex(@"!?\[\[(?<name>[^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|(?<shown>[^\[\]]*))?\]\]")]
    private static partial Regex WikiLink();
}
