using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Search;

/// <summary>
/// Lucene's <see cref="QueryBuilder"/> for one query: each text is analysed once per analyzer and the tokens serve
/// every field that analyzer indexes (title, abstract and English commentary share one; the Korean commentary and
/// the all-text field another), where <see cref="QueryBuilder"/> analyses the text again for each field. The
/// queries are the ones <see cref="QueryBuilder"/> builds; a text whose tokens share a position (synonyms) is
/// left to it. Not thread-safe: one instance per query being built.
/// </summary>
internal sealed class AnalyzedQueries(Analyzer analyzer, QueryBuilder builder)
{
    /// <summary>Tokens by analysis and text; null for a text with tokens that share a position.</summary>
    private readonly Dictionary<(string Analysis, string Text), Token[]?> tokens = [];

    /// <summary>As <see cref="QueryBuilder.CreateBooleanQuery(string, string, Occur)"/>.</summary>
    public Query? Words(string field, string text, Occur occur)
    {
        var analysed = TokensOf(field, text);
        if (analysed is null) return builder.CreateBooleanQuery(field, text, occur);
        if (analysed.Length == 0) return null;
        if (analysed.Length == 1) return new TermQuery(new Term(field, analysed[0].Term));
        var query = new BooleanQuery(false);
        foreach (var token in analysed) query.Add(new TermQuery(new Term(field, token.Term)), occur);
        return query;
    }

    /// <summary>As <see cref="QueryBuilder.CreatePhraseQuery(string, string, int)"/>.</summary>
    public Query? Phrase(string field, string text, int slop = 0)
    {
        var analysed = TokensOf(field, text);
        if (analysed is null) return builder.CreatePhraseQuery(field, text, slop);
        if (analysed.Length == 0) return null;
        if (analysed.Length == 1) return new TermQuery(new Term(field, analysed[0].Term));
        var phrase = new PhraseQuery { Slop = slop };
        var position = -1;
        foreach (var token in analysed)
        {
            position += token.PositionIncrement;
            phrase.Add(new Term(field, token.Term), position);
        }
        return phrase;
    }

    /// <summary>The tokens of <paramref name="text"/> in <paramref name="field"/>; null when two share a position.</summary>
    private Token[]? TokensOf(string field, string text)
    {
        var key = (PaperAnalyzers.AnalysisOf(analyzer, field), text);
        if (tokens.TryGetValue(key, out var known)) return known;
        var list = new List<Token>();
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                // A token at the position of the one before is a synonym: QueryBuilder's own rules apply.
                if (increment.PositionIncrement == 0) return tokens[key] = null;
                list.Add(new Token(term.ToString(), increment.PositionIncrement));
            }
            stream.End();
        }
        return tokens[key] = [.. list];
    }

    private readonly record struct Token(string Term, int PositionIncrement);
}
