using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Related;

/// <summary>
/// A more-like-this query: the text's words that best tell it apart (term frequency × inverse document frequency),
/// each searched in the field where it is most common, boosted by its weight relative to the best word. It picks
/// the same words as Lucene's <c>MoreLikeThis</c> (classic idf, minimum length 2, the first 5,000 tokens) but looks
/// their document frequencies up through <see cref="SharedTermStates"/>: <c>MoreLikeThis</c> opens a new terms
/// enumerator for each of the hundreds of (word, field) pairs of a note, most of a related-paper request's time.
/// </summary>
public static class SimilarTextQuery
{
    public const int MaxQueryTerms = 40;
    private const int MinWordLength = 2;
    private const int MaxTokensParsed = 5000;

    /// <summary>The query for <paramref name="text"/> analysed as <paramref name="analyzeAs"/>; null when no word of it is in the index.</summary>
    public static Query? Build(IndexReader reader, SharedTermStates terms, Analyzer analyzer, string text, IReadOnlyList<string> fields, string analyzeAs)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var frequencies = WordFrequencies(analyzer, text, analyzeAs);
        var documents = reader.NumDocs;
        var scored = new List<(string Word, string Field, float Score)>(frequencies.Count);
        foreach (var (word, count) in frequencies)
        {
            var (field, docFreq) = MostCommonField(terms, word, fields);
            if (docFreq == 0) continue;
            // Lucene's classic idf, as MoreLikeThis uses it.
            var idf = (float)(Math.Log(documents / (double)(docFreq + 1)) + 1.0);
            scored.Add((word, field, count * idf));
        }
        if (scored.Count == 0) return null;
        var best = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Word, StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        var query = new BooleanQuery();
        foreach (var (word, field, score) in best)
            query.Add(new TermQuery(new Term(field, word)) { Boost = score / best[0].Score }, Occur.SHOULD);
        return query;
    }

    private static Dictionary<string, int> WordFrequencies(Analyzer analyzer, string text, string analyzeAs)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        using var tokens = analyzer.GetTokenStream(analyzeAs, text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();
        for (var parsed = 0; parsed < MaxTokensParsed && tokens.IncrementToken(); parsed++)
        {
            if (term.Length < MinWordLength) continue;
            var word = term.ToString();
            frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
        }
        tokens.End();
        return frequencies;
    }

    /// <summary>The field where <paramref name="word"/> is in the most documents (the first field on ties), and that count.</summary>
    private static (string Field, int DocFreq) MostCommonField(SharedTermStates terms, string word, IReadOnlyList<string> fields)
    {
        var (top, most) = (fields[0], 0);
        foreach (var field in fields)
        {
            var freq = terms.DocFreq(new Term(field, word));
            if (freq > most) (top, most) = (field, freq);
        }
        return (top, most);
    }
}
