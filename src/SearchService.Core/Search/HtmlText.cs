using System.Text;

namespace SearchService.Core.Search;

/// <summary>
/// Escapes only the characters that matter in HTML. Lucene's SimpleHTMLEncoder turns every non-ASCII
/// character into an entity, which makes Korean snippets unreadable as JSON.
/// </summary>
public static class HtmlText
{
    public static void Append(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
