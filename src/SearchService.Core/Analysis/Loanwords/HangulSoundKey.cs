namespace SearchService.Core.Analysis.Loanwords;

/// <summary>
/// The <see cref="SoundKey"/> of a Hangul word, read jamo by jamo. ㅡ gives no vowel: Korean inserts it only to
/// carry a consonant English writes without one (트 in 트랜스포머, 스 and 크 in 딥시크). A final ㅅ is a
/// t (로봇, robot) and a final ㅇ an ng, keyed as N like the n of English "-ing". Each vowel jamo is written as
/// one lower-case letter (ㅏ a, ㅐ b, ... ㅣ u, in jamo order), for <see cref="Renders"/>.
/// </summary>
internal static class HangulSoundKey
{
    private const int SyllableBase = 0xAC00;
    private const int SyllableCount = 11172;

    // ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ; the initial ㅇ is silent.
    private static readonly string[] Initials = ["K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "J", "J", "J", "K", "T", "P", "H"];

    // No final, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
    private static readonly string[] Finals = ["", "K", "K", "K", "N", "N", "N", "T", "L", "L", "L", "L", "L", "L", "L", "L", "M", "P", "P", "T", "T", "N", "T", "T", "K", "T", "P", ""];

    private const int Eu = 18; // ㅡ, the vowel Korean inserts between English consonants.

    // The English letters that can begin the vowel a jamo renders, most usual first, in jamo order ㅏ ㅐ ㅑ ㅒ ㅓ
    // ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ. ㅓ is the neutral vowel and renders any (버퍼, 컷, 디코더); ㅏ
    // includes the i and y of "ai" (파이프라인, 하이브리드); ㅕ the i of "-tion" (어텐션); ㅣ the a of "-age" (패키지).
    private static readonly string[] EnglishVowels =
    [
        "aoiyu", "ae", "yia", "yae", "euoaiyw", "ea", "ieyo", "eay", "oau", "woua", "wuoa",
        "woe", "yioe", "uowe", "wuoa", "wue", "wui", "uewiy", "", "euiaoyw", "ieya",
    ];

    // Two-jamo runs that render one English vowel: 아이 an i or y (스트라이드, 하이브리드), 에이 an a (게이트).
    private static readonly Dictionary<string, string> Diphthongs = new(StringComparer.Ordinal) { ["au"] = "iyae", ["fu"] = "aei" };

    /// <summary>
    /// How usual it is for the vowel run <paramref name="run"/> of a Hangul key (see the summary) to render a vowel
    /// spelled from <paramref name="englishLetter"/>: 0 for its most usual letter, more for the others; null when it does not.
    /// </summary>
    public static int? RenderingRank(string run, char englishLetter)
    {
        if (run.Length == 0 || run[0] is < 'a' or > 'u') return null;
        var letters = run.Length >= 2 && Diphthongs.TryGetValue(run[..2], out var diphthong) ? diphthong : EnglishVowels[run[0] - 'a'];
        var rank = letters.IndexOf(englishLetter);
        return rank < 0 ? null : rank;
    }

    /// <summary>The key of <paramref name="word"/>; null unless it is made of Hangul syllables only.</summary>
    public static string? Of(string word)
    {
        if (word.Length == 0) return null;
        var sounds = new System.Text.StringBuilder(word.Length * 3);
        foreach (var c in word)
        {
            var index = c - SyllableBase;
            if (index is < 0 or >= SyllableCount) return null;
            sounds.Append(Initials[index / (21 * 28)]);
            var medial = index / 28 % 21;
            if (medial != Eu) sounds.Append((char)('a' + medial));
            sounds.Append(Finals[index % 28]);
        }
        return SoundKey.Collapse(sounds.ToString());
    }
}
