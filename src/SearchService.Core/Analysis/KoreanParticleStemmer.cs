namespace SearchService.Core.Analysis;

/// <summary>
/// Light Korean stemmer: strips trailing particles (조사) and common verb or adjective endings from a Hangul word.
/// Korean attaches these to the noun with no space, so without stripping 모델이, 모델을 and 모델의 would be
/// three different terms. It never leaves fewer than <see cref="MinStemLength"/> syllables, which keeps
/// two-syllable nouns that merely end like a particle (평가, 지도, 정의) whole.
/// </summary>
public static class KoreanParticleStemmer
{
    /// <summary>The shortest stem left behind: one syllable is too ambiguous to be worth a match.</summary>
    public const int MinStemLength = 2;

    // Two passes cover a plural or a verb ending followed by a particle (모델들에서, 학습된것을 is rare enough to skip).
    private const int MaxPasses = 2;

    /// <summary>Particles and endings, longest first so 에서 wins over 서 and 으로 over 로.</summary>
    public static IReadOnlyList<string> Suffixes { get; } = BuildSuffixes();

    // Nouns whose last syllable looks like a particle or ending but belongs to the word.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_protected = new HashSet<string>(StringComparer.Ordinal)
    {
        "전문가", "재평가", "정확도", "유사도", "난이도", "신뢰도", "복잡도", "해상도", "민감도", "충실도",
        "중요도", "기여도", "선호도", "만족도", "자유도", "밀도", "속도", "온도", "각도", "강도", "빈도",
        "도메인", "파이프라인", "베이스라인", "온라인", "오프라인", "가이드라인",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the stem of one Hangul word (already lower-cased; Hangul has no case).</summary>
    public static string Stem(string word) => word[..StemLength(word.AsSpan())];

    /// <summary>Length of the stem of <paramref name="word"/>: the word minus the suffixes stripped.</summary>
    public static int StemLength(ReadOnlySpan<char> word)
    {
        var length = word.Length;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var current = word[..length];
            if (s_protected.Contains(current))
            {
                break;
            }
            var stripped = LongestSuffix(current);
            if (stripped == 0)
            {
                break;
            }
            length -= stripped;
        }
        return length;
    }

    private static int LongestSuffix(ReadOnlySpan<char> word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= MinStemLength && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix.Length;
            }
        }
        return 0;
    }

    private static List<string> BuildSuffixes()
    {
        string[] particles =
        [
            // case particles
            "이", "가", "을", "를", "은", "는", "의", "에", "에서", "에게", "에게서", "한테", "께서",
            "으로", "로", "으로서", "로서", "으로써", "로써", "와", "과", "도", "만", "까지", "부터",
            "처럼", "보다", "마저", "조차", "밖에", "이나", "이든", "든지", "이란", "란", "이라는", "라는",
            "이라고", "라고", "이며", "이자", "들",
            // stacked particles
            "에서는", "에서도", "에서의", "에서만", "에는", "에도", "에만", "에의", "으로는", "로는",
            "으로도", "로도", "으로의", "로의", "와의", "과의", "와는", "과는", "와도", "과도",
            "에게는", "까지는", "까지의", "부터는", "만으로", "만을", "만의", "만이", "보다는", "처럼",
            // copula
            "이다", "입니다", "이었다", "였다", "이지만", "인데", "이므로", "이라서", "인가", "인가요",
            // 하다 (do) on a Sino-Korean noun: 학습하는 → 학습
            "하다", "한다", "하는", "한", "할", "함", "하고", "하여", "해", "해서", "했다", "했고", "했던",
            "하던", "합니다", "하며", "하면", "하기", "하게", "하지", "하도록", "하려면", "하려는", "해야",
            "했음", "하면서", "한다는", "하는데", "했는데", "하기에", "해도", "하지만", "했으며", "하였다",
            "하였고", "한다고", "하기도", "하는지", "할수",
            // 되다 (become, passive)
            "되다", "된다", "되는", "된", "될", "됨", "되고", "되어", "돼", "되며", "되면", "되기",
            "되지", "되었다", "됐다", "되도록", "되던", "되어서", "되었고",
            // 시키다 (make do)
            "시키다", "시키는", "시킨", "시켜", "시키고", "시키기", "시킬", "시켰다", "시켜서",
            // -적 (-ic): 효율적인 → 효율
            "적", "적인", "적으로", "적이다", "적이고",
        ];
        return particles.Distinct().OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToList();
    }
}
