using System.Text;
using SearchService.Core.Notes;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Core.Semantic;

/// <summary>
/// What of a paper goes into its embeddings. Kept in one function so the choice can be measured and changed;
/// a change here changes every content hash, so stored vectors are recomputed rather than reused wrongly.
/// </summary>
public static class PaperEmbeddingText
{
    /// <summary>
    /// More characters than the model reads (256 word pieces is roughly 1,000 characters of English),
    /// with headroom; cutting here keeps hashing and tokenizing of long commentaries cheap.
    /// </summary>
    public const int MaxChars = 2000;

    /// <summary>
    /// The texts embedded for a paper, each led by the title: the abstract, and the commentary (English, or
    /// the Korean to be put into English, when <paramref name="translateKorean"/>). Apart, neither is cut off by the model's 256 word pieces, and a query
    /// about what the note says is not drowned by the abstract. A paper with neither gets its title alone.
    /// </summary>
    /// <remarks>
    /// The title goes first because the model truncates from the end. The Korean commentary is not embedded
    /// as written: all-MiniLM-L6-v2 is an English model and Hangul becomes mostly unknown word pieces. But
    /// most notes have only Korean commentary, whose English terms and dictionary translations still say
    /// what the paper is about: without them many papers would be embedded from their title alone.
    /// Measured on the dev queries (benchmarks/README.md): semantic MRR 0.40 with title + abstract + English
    /// commentary in one text, 0.56 adding the translated Korean, 0.58 as these chunks.
    /// </remarks>
    public static IReadOnlyList<EmbeddingChunk> Chunks(Paper p, bool translateKorean)
    {
        var translate = translateKorean && p.EnglishCommentary.Length == 0 && p.KoreanCommentary.Length > 0;
        var chunks = new List<EmbeddingChunk>();
        if (!string.IsNullOrWhiteSpace(p.Abstract)) chunks.Add(new EmbeddingChunk(p.Title, p.Abstract, false));
        if (translate) chunks.Add(new EmbeddingChunk(p.Title, p.KoreanCommentary, true));
        else if (!string.IsNullOrWhiteSpace(p.EnglishCommentary)) chunks.Add(new EmbeddingChunk(p.Title, p.EnglishCommentary, false));
        return chunks.Count > 0 ? chunks : [new EmbeddingChunk(p.Title, "", false)];
    }

    /// <summary>The text the model reads for <paramref name="chunk"/>.</summary>
    public static string Text(EmbeddingChunk chunk, IQueryTranslator? translator) =>
        Join(chunk.Title, chunk.Translate && translator is not null ? translator.ToEnglish(chunk.Body) : chunk.Body);

    private static string Join(string title, string body)
    {
        var text = new StringBuilder();
        AppendPart(text, title);
        AppendPart(text, body);
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

/// <summary>
/// One text to embed, as its sources: the title, a body, and whether the body is Korean to translate first.
/// Its key hashes these sources rather than the text, so telling whether a vector is stored needs no translation.
/// </summary>
public sealed record EmbeddingChunk(string Title, string Body, bool Translate)
{
    public string Key(string modelId, IQueryTranslator? translator) =>
        // The model id first, so a vector made by another model or with other settings is never reused.
        ContentHash.Of(modelId + "\n" + string.Join('\n', Title, Body, Translate ? translator?.Fingerprint : ""));
}
