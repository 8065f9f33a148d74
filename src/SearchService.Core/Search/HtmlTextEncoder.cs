using System.Text;
using Lucene.Net.Search.Highlight;

namespace SearchService.Core.Search;

/// <summary>
/// Escapes only the characters that matter in HTML. Lucene's SimpleHTMLEncoder turns every non-ASCII
/// character into an entity, which makes Korean snippets unreadable as JSON.
/// </summary>
public sealed class HtmlTextEncoder : IEncoder
{
    public string EncodeText(string originalText)
    {
        var text = new StringBuilder(originalText.Length);
        foreach (var c in originalText)
        {
            text.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}
