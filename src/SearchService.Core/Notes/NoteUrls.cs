using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>Finds URLs in note lines, including a bare "arxiv.org/abs/..." without scheme.</summary>
internal static partial class NoteUrls
{
    public static Match FindFirst(string line) => Url().Match(line);

    /// <summary>The URL as stored: trailing sentence punctuation removed, "https://" added when missing.</summary>
    public static string Normalize(string matched)
    {
        var url = matched.TrimEnd('.', ',', ';', ':', '!', '?', '*', '_');
        return url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;
    }

    /// <summary>
    /// A line that is only a link: "https://...", "&lt;https://...&gt;", "[text](https://...)" or a URL with
    /// one stray character typed before it ("zhttps://...").
    /// </summary>
    public static bool IsUrlOnlyLine(string trimmed) => UrlOnlyLine().IsMatch(trimmed);

    public static string RemoveUrls(string text) => Url().Replace(text, " ");

    // Brackets and parentheses end a URL: notes wrap links as "(https://...)" and "[url](url)".
    [GeneratedRegex(@"(?:https?://|(?<![\w/.])arxiv\.org/)[^\s<>\[\]()""'`]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"^(?:\S?https?://\S+|<https?://\S+>|arxiv\.org/\S+|\[[^\]]*\]\(https?://[^)\s]*\))$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOnlyLine();
}
