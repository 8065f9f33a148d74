using System.Text;
using SearchService.Core.Notes;

namespace SearchService.Core.Semantic;

/// <summary>
/// What of a paper goes into its embedding. Kept in one function so the choice can be measured and changed;
/// a change here changes every content hash, so stored vectors are recomputed rather than reused wrongly.
/// </summary>
public static class PaperEmbeddingText
{
    /// <summary>
    /// More characters than the model reads (256 word pieces is roughly 1,000 characters of English),
    /// with headroom; cutting here keeps hashing and tokenizing of long commentaries cheap.
    /// </summary>
    public const int MaxChars = 2000;

    /// <summary>Title, abstract, then English commentary, whitespace collapsed, cut at <see cref="MaxChars"/>.</summary>
    /// <remarks>
    /// The title goes first because the model truncates from the end. The Korean commentary is left out:
    /// all-MiniLM-L6-v2 is an English model and Hangul becomes mostly unknown word pieces.
    /// </remarks>
    public static string For(Paper p)
    {
        var text = new StringBuilder();
        AppendPart(text, p.Title);
        AppendPart(text, p.Abstract);
        AppendPart(text, p.EnglishCommentary);
        return Truncate(text.ToString(), MaxChars);
    }

    private static void AppendPart(StringBuilder text, string part)
    {
        var collapsed = string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length == 0)
            return;
        if (text.Length > 0)
            text.Append(IsSentenceEnd(text[^1]) ? " " : ". ");
        text.Append(collapsed);
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ':';

    // Cut at a word boundary so the last word piece is not a fragment that shifts the meaning.
    private static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return text;
        var cut = text.LastIndexOf(' ', maxChars);
        return text[..(cut > maxChars / 2 ? cut : maxChars)];
    }
}
