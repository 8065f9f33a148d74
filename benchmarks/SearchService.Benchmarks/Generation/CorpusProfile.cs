using SearchService.Core.Notes;

namespace SearchService.Benchmarks.Generation;

/// <summary>
/// What a note of the corpus looks like, counted from real notes: the shape of each note (which fields it has and
/// how many words each), and the frequency of title words, abstract and English-commentary words, Korean-commentary
/// words (Hangul with the English terms written inside it), tags and authors. A synthetic note draws a whole shape
/// from one real note, so fields that go together (an old note with no abstract) stay together.
/// </summary>
public sealed class CorpusProfile
{
    /// <summary>Word counts of one real note's fields, and the counts of its tags and authors.</summary>
    public sealed record Shape(DateOnly Date, int TitleWords, int Authors, int AbstractWords, int KoreanWords, int EnglishWords, int Tags);

    public required WeightedSampler<Shape> Shapes { get; init; }
    public required WeightedSampler<string> TitleWords { get; init; }
    public required WeightedSampler<string> EnglishWords { get; init; }
    public required WeightedSampler<string> KoreanWords { get; init; }
    public required WeightedSampler<string> Tags { get; init; }
    public required WeightedSampler<string> Authors { get; init; }
    public required int Papers { get; init; }

    public static CorpusProfile From(IReadOnlyCollection<Paper> papers)
    {
        var fallbackDate = new DateOnly(2024, 1, 1);
        return new CorpusProfile
        {
            Papers = papers.Count,
            Shapes = WeightedSampler<Shape>.Of(papers.Select(p => new Shape(p.Date ?? fallbackDate, Words(p.Title).Length, p.Authors.Count,
                Words(p.Abstract).Length, Words(p.KoreanCommentary).Length, Words(p.EnglishCommentary).Length, p.Tags.Count))),
            TitleWords = Count(papers.SelectMany(p => Words(p.Title))),
            EnglishWords = Count(papers.SelectMany(p => Words(p.Abstract).Concat(Words(p.EnglishCommentary)))),
            KoreanWords = Count(papers.SelectMany(p => Words(p.KoreanCommentary))),
            Tags = Count(papers.SelectMany(p => p.Tags)),
            Authors = Count(papers.SelectMany(p => p.Authors)),
        };
    }

    /// <summary>One line per distribution, for the generator's log.</summary>
    public string Describe() =>
        $"{Papers} notes: {Shapes.Count} shapes, {TitleWords.Count} title words, {EnglishWords.Count} English words, " +
        $"{KoreanWords.Count} Korean-commentary words, {Tags.Count} tags, {Authors.Count} authors";

    // Words as written (punctuation attached), so the generated text has the corpus's tokens, not cleaned ones.
    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static WeightedSampler<string> Count(IEnumerable<string> words) =>
        new(words.Where(w => w.Length > 0 && !w.Contains("[[", StringComparison.Ordinal) && !w.StartsWith('#'))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())));
}
