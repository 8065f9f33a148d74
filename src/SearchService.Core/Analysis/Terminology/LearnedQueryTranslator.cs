using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Puts queries into English with the hand dictionary plus the word translations learned from the user's own
/// notes (<see cref="TranslationLexicon"/>, weighted by their probability, after the dictionary's entries).
/// For queries only: paper texts keep the hand dictionary (<see cref="TermTranslator"/>), so relearning never
/// invalidates stored vectors. Until <see cref="Relearn"/> runs it is the hand dictionary alone.
/// </summary>
/// <param name="cache">Where the learned lexicon is kept between runs; null learns it every time.</param>
public sealed class LearnedQueryTranslator(QueryExpansion dictionary, double minProbability = 0.3, LearnedLexiconCache? cache = null) : IQueryTranslator
{
    private volatile TermTranslator current = new(dictionary);

    /// <summary>
    /// Learning reads at most this many notes with both commentaries (the first ones walked). EM keeps a weight for every
    /// Korean-English word pair that shares a note, so its memory and time grow with the notes: a million would take
    /// gigabytes. The real corpus has ~3,800 such notes; a few thousand already teach the common words.
    /// </summary>
    public const int MaxNotes = 20_000;

    /// <summary>How many learned translations are in use.</summary>
    public int LearnedCount { get; private set; }

    public string Fingerprint => current.Fingerprint;

    public string ToEnglish(string query) => current.ToEnglish(query);

    /// <summary>Learns the translations again (or loads them from <c>cache</c> when the notes are unchanged) from <paramref name="papers"/> (those with both commentaries teach) and swaps them in.</summary>
    /// <param name="papers">Every paper; walked at most twice (the cache key, the learning) as far as the first <see cref="MaxNotes"/> that teach, never copied.</param>
    public void Relearn(IEnumerable<Paper> papers)
    {
        var teaching = papers.Where(p => p.KoreanCommentary.Length > 0 && p.EnglishCommentary.Length > 0).Take(MaxNotes);
        var learned = cache is null
            ? TranslationLexicon.Learn(teaching, dictionary.Map, minProbability: minProbability)
            : cache.GetOrLearn(teaching, dictionary.Map, minProbability);
        var pairs = dictionary.Map.Pairs.Concat(learned.Select(l => new TermPair(l.Korean, l.English, (float)l.Probability)));
        current = new TermTranslator(new QueryExpansion(TerminologyMap.FromPairs(pairs)));
        LearnedCount = learned.Count;
    }
}
