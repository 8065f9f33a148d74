using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Loanwords;

/// <summary>An English word of the corpus that a Hangul word transliterates, and how unusual the rendering is (0: as usual as can be).</summary>
public sealed record LoanwordMatch(string English, int Cost);

/// <summary>
/// Finds the English word of the corpus that a Hangul word transliterates (트랜스포머 → transformer, 미스트랄 →
/// mistral), for the names and terms a Korean query writes in Hangul and the notes in English. Built once per
/// change of the papers: every English word the notes use in two papers or more is filed under the consonants
/// of each of its <see cref="EnglishSoundKeys"/>. A lookup reads one such bucket, capped in size, and compares
/// whole keys (vowels included) in it, so its cost does not grow with the corpus.
/// </summary>
public sealed class LoanwordIndex
{
    /// <summary>Words of a bucket compared per lookup, the most widely used first.</summary>
    private const int BucketSize = 48;

    /// <summary>A word must be in this many papers: a word used once is more often a typo than a name.</summary>
    private const int MinPapers = 2;

    /// <summary>
    /// A Hangul word the Korean commentaries use in this many papers is a word of the language, not a rendering
    /// of an English one: 다양성 sounds like "tension" to the key, and the Korean field finds it as typed anyway.
    /// </summary>
    public const int CommonKoreanPapers = 10;

    private readonly Dictionary<string, Candidate[]> bySkeleton;
    private readonly HashSet<string> commonKorean;

    private LoanwordIndex(Dictionary<string, Candidate[]> bySkeleton, HashSet<string> commonKorean)
    {
        this.bySkeleton = bySkeleton;
        this.commonKorean = commonKorean;
    }

    /// <summary>An index with no words: matches nothing.</summary>
    public static LoanwordIndex Empty { get; } = new([], []);

    /// <summary>How many English words the index holds.</summary>
    public int WordCount => bySkeleton.Values.SelectMany(c => c).Select(c => c.Word).Distinct().Count();

    /// <summary>Indexes the English words of <paramref name="papers"/>: titles, abstracts, tags and both commentaries.</summary>
    /// <param name="papers">Every paper; walked twice (English words, then common Korean words), never held.</param>
    public static LoanwordIndex Build(IEnumerable<Paper> papers, int commonKoreanPapers = CommonKoreanPapers)
    {
        var vocabulary = EnglishVocabulary.Of(papers);
        var buckets = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var word in vocabulary.Where(w => w.Papers >= MinPapers))
        {
            foreach (var key in EnglishSoundKeys.Of(word.Word))
            {
                var skeleton = SoundKey.Skeleton(key);
                if (skeleton.Length < 2) continue;
                if (!buckets.TryGetValue(skeleton, out var bucket)) buckets[skeleton] = bucket = [];
                bucket.Add(new Candidate(word.Word, key, word.Papers, word.IsName));
            }
        }
        return new LoanwordIndex(buckets.ToDictionary(
            b => b.Key,
            b => b.Value.OrderByDescending(c => c.Papers).ThenBy(c => c.Word, StringComparer.Ordinal).Take(BucketSize).ToArray(),
            StringComparer.Ordinal), CommonKoreanWords(papers, commonKoreanPapers));
    }

    private static HashSet<string> CommonKoreanWords(IEnumerable<Paper> papers, int minPapers)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in papers.SelectMany(p => Terminology.TermPairMiner.KoreanWords(p.KoreanCommentary)))
            counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts.Where(kv => kv.Value >= minPapers).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The English word <paramref name="hangul"/> most likely transliterates, or null. The consonants must be the
    /// same and each vowel renderable (<see cref="SoundKey.VowelCost"/>); a key of four consonants or more may
    /// also have one vowel more or less than the word's (엔비디아, nvidia). A key of two consonants matches only
    /// a name (a word the notes mostly capitalize: 라마, Llama), since short keys are shared by many common words.
    /// Among several, the usual renderings win, then the word more papers use.
    /// </summary>
    public LoanwordMatch? Match(string hangul)
    {
        if (commonKorean.Contains(hangul) || HangulSoundKey.Of(hangul) is not { } key) return null;
        var skeleton = SoundKey.Skeleton(key);
        if (skeleton.Length < 2 || !bySkeleton.TryGetValue(skeleton, out var bucket)) return null;
        (Candidate Word, int Cost)? best = null;
        foreach (var candidate in bucket)
        {
            if (skeleton.Length < 3 && !candidate.IsName) continue;
            if (SoundKey.VowelCost(key, candidate.Key, dropOne: skeleton.Length >= 4) is not { } cost) continue;
            if (best is not { } b || cost < b.Cost || (cost == b.Cost && candidate.Papers > b.Word.Papers)) best = (candidate, cost);
        }
        return best is { } found ? new LoanwordMatch(found.Word.Word, found.Cost) : null;
    }

    private sealed record Candidate(string Word, string Key, int Papers, bool IsName);
}
