using System.Text;
using System.Text.RegularExpressions;

namespace SearchService.Core.Analysis.Loanwords;

/// <summary>
/// The sound key both scripts are reduced to, so a Hangul transliteration and the English word it renders meet.
/// Consonants fall into the upper-case classes Korean spelling can tell apart: K (g k c q), T (d t th),
/// P (b p f v ph), S (s sh th), J (j z ch soft g), L (l r), M, N (n ng), H; a run of one class counts once
/// (ll, mm; 젬마's ㅁㅁ). Vowels stay as lower-case runs, as spelled: English letters, or one letter per
/// Korean vowel jamo (<see cref="HangulSoundKey"/>). The <see cref="Generic"/> key writes each run as
/// <c>a</c> (트랜스포머 and transformer both give <c>TLaNSPaMa</c>); <see cref="VowelCost"/> then checks the
/// runs pair by pair, since Korean vowels follow English sounds only loosely.
/// </summary>
internal static partial class SoundKey
{
    /// <summary>The key's consonants alone: what a lookup is keyed on, vowels being the least reliable part.</summary>
    public static string Skeleton(string key) => VowelRun().Replace(key, "");

    /// <summary>The key with every vowel run written <c>a</c>.</summary>
    public static string Generic(string key) => VowelRun().Replace(key, "a");

    /// <summary>Joins the sound pieces, a run of one consonant class kept once.</summary>
    public static string Collapse(string sounds)
    {
        var key = new StringBuilder(sounds.Length);
        foreach (var c in sounds)
        {
            if (key.Length == 0 || key[^1] != c || char.IsLower(c)) key.Append(c);
        }
        return key.ToString();
    }

    /// <summary>
    /// How well a Hangul key renders an English key of the same consonants: 0 when the vowel runs pair one to
    /// one and each Korean vowel can render its English one (ㅣ renders i, e or y but not o, so 기계 is not
    /// "coco" while 구글 is "google"), more the less usual the renderings; null when they cannot pair. With
    /// <paramref name="dropOne"/>, one vowel run of either key may be left out (엔비디아, nvidia).
    /// </summary>
    public static int? VowelCost(string hangulKey, string englishKey, bool dropOne)
    {
        var best = PairedCost(hangulKey, englishKey);
        if (best is not null || !dropOne) return best;
        foreach (Match run in VowelRun().Matches(hangulKey))
            best = Min(best, PairedCost(Collapse(hangulKey.Remove(run.Index, run.Length)), englishKey));
        foreach (Match run in VowelRun().Matches(englishKey))
            best = Min(best, PairedCost(hangulKey, Collapse(englishKey.Remove(run.Index, run.Length))));
        // A vowel left out costs more than an unusual one.
        return best is null ? null : best + 2;
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static int? PairedCost(string hangulKey, string englishKey)
    {
        if (Generic(hangulKey) != Generic(englishKey)) return null;
        var korean = VowelRun().Matches(hangulKey);
        var english = VowelRun().Matches(englishKey);
        var cost = 0;
        for (var i = 0; i < korean.Count; i++)
        {
            if (HangulSoundKey.RenderingRank(korean[i].Value, english[i].Value[0]) is not { } rank) return null;
            cost += rank;
        }
        return cost;
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex VowelRun();
}
