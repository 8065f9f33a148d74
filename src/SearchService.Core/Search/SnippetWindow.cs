using System.Text;

namespace SearchService.Core.Search;

/// <summary>A matched term in a field's text: characters [Start, End) and which query term it is.</summary>
public readonly record struct TermMatch(int Start, int End, int Term);

/// <summary>
/// Cuts the best window of a field's text around its matches and renders it: the window holding the most
/// different query terms (then the most matches, then the earliest), widened to about
/// <see cref="Chars"/> characters with some context before the first match, cut at spaces, HTML-escaped,
/// each match in &lt;mark&gt;.
/// </summary>
public static class SnippetWindow
{
    public const int Chars = 160;

    /// <summary>Where a window may be cut: built once (an array literal in the call would be built per snippet).</summary>
    private static readonly System.Buffers.SearchValues<char> Spaces = System.Buffers.SearchValues.Create(" \n\t");

    /// <summary>The snippet, or null when there is no match inside the text.</summary>
    public static string? Render(string text, List<TermMatch> matches)
    {
        matches.RemoveAll(m => m.Start < 0 || m.End > text.Length || m.End <= m.Start);
        if (matches.Count == 0) return null;
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

        var (first, last) = BestWindow(matches);
        var firstStart = matches[first].Start;
        var lastEnd = matches[first].End;
        for (var i = first; i <= last; i++) lastEnd = Math.Max(lastEnd, matches[i].End);
        var (start, end) = Widen(text, firstStart, lastEnd);

        var html = new StringBuilder(end - start + 32);
        var at = start;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (m.Start < at || m.End > end) continue;
            HtmlText.Append(html, text.AsSpan(at, m.Start - at));
            html.Append("<mark>");
            HtmlText.Append(html, text.AsSpan(m.Start, m.End - m.Start));
            html.Append("</mark>");
            at = m.End;
        }
        HtmlText.Append(html, text.AsSpan(at, end - at));
        return html.ToString();
    }

    /// <summary>The run of matches fitting in <see cref="Chars"/> with the most distinct terms, then the most matches.</summary>
    private static (int First, int Last) BestWindow(List<TermMatch> matches)
    {
        var best = (First: 0, Last: 0, Distinct: 0, Count: 0);
        var seen = new HashSet<int>();
        for (var i = 0; i < matches.Count; i++)
        {
            seen.Clear();
            var j = i;
            while (j < matches.Count && matches[j].End - matches[i].Start <= Chars) seen.Add(matches[j++].Term);
            var last = Math.Max(i, j - 1);
            if (seen.Count == 0) seen.Add(matches[i].Term);
            if (seen.Count > best.Distinct || (seen.Count == best.Distinct && last - i + 1 > best.Count))
                best = (i, last, seen.Count, last - i + 1);
        }
        return (best.First, best.Last);
    }

    /// <summary>
    /// Grows [firstStart, lastEnd) to about <see cref="Chars"/> characters: a third of the room before the
    /// matches, the rest after (all of it before when the text ends first), then cut back to whole words.
    /// </summary>
    private static (int Start, int End) Widen(string text, int firstStart, int lastEnd)
    {
        var room = Math.Max(0, Chars - (lastEnd - firstStart));
        var start = Math.Max(0, firstStart - room / 3);
        var end = Math.Min(text.Length, start + Math.Max(Chars, lastEnd - firstStart));
        if (end - start < Chars) start = Math.Max(0, end - Chars);
        start = Math.Min(start, firstStart);
        end = Math.Max(end, lastEnd);

        // Do not start or end inside a word: move inward to a space, but never past a match.
        if (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            var space = text.AsSpan(start, firstStart - start).IndexOfAny(Spaces);
            if (space >= 0) start += space + 1;
        }
        if (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            var space = text.AsSpan(lastEnd, end - lastEnd).LastIndexOfAny(Spaces);
            if (space >= 0) end = lastEnd + space;
        }
        while (start < firstStart && char.IsWhiteSpace(text[start])) start++;
        while (end > lastEnd && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }
}
