using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>Markdown quote lines, which hold the abstract; also the typo "let&gt; " for "&gt; ".</summary>
internal static partial class QuoteLine
{
    public static bool IsQuote(string trimmed) => trimmed.StartsWith('>') || IsMalformedQuote(trimmed);

    /// <summary>A few letters glued before the '>' ("let> ..."), as when the marker was typed into a word.</summary>
    public static bool IsMalformedQuote(string trimmed) => MalformedMarker().IsMatch(trimmed);

    public static string Content(string trimmed) => trimmed[(trimmed.IndexOf('>') + 1)..].Trim();

    [GeneratedRegex(@"^[A-Za-z]{1,4}>(?:\s|$)")]
    private static partial Regex MalformedMarker();
}
