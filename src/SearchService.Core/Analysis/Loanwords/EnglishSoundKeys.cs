namespace SearchService.Core.Analysis.Loanwords;

/// <summary>
/// The <see cref="SoundKey"/>s a Hangul transliteration of an English word may have. English spelling does not
/// fix the sound, so a letter with two usual readings gives two keys (th: 메소드 or 씽킹; ch: 체인 or 캐릭터;
/// soft g: 제미나이; s between vowels: 포지션), and an r after a vowel, which Korean usually drops
/// (트랜스포머, 버트), is keyed both ways. A final silent e gives nothing (구글, google).
/// </summary>
internal static class EnglishSoundKeys
{
    /// <summary>Enough for any real word; a word with more ambiguous letters keeps its first readings.</summary>
    private const int MaxKeys = 16;

    /// <summary>The distinct keys of a lower-case word of ASCII letters; empty for anything else.</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        if (word.Length == 0 || !word.All(c => c is >= 'a' and <= 'z')) return [];
        var keys = new List<string> { "" };
        var i = 0;
        while (i < word.Length)
        {
            var (readings, length) = Read(word, i);
            keys = keys.SelectMany(k => readings.Select(r => k + r)).Take(MaxKeys).ToList();
            i += length;
        }
        return keys.Select(SoundKey.Collapse).Distinct().ToList();
    }

    /// <summary>The readings of the letters at <paramref name="i"/>, and how many letters they take.</summary>
    private static (string[] Readings, int Length) Read(string w, int i)
    {
        var next = i + 1 < w.Length ? w[i + 1] : '\0';
        var previous = i > 0 ? w[i - 1] : '\0';
        string Rest() => w[i..];
        if (i > 0 && (Rest().StartsWith("tion", StringComparison.Ordinal))) return (["SioN"], 4);
        if (i > 0 && Rest().StartsWith("sion", StringComparison.Ordinal)) return (["SioN", "JioN"], 4);
        if (i > 0 && Rest().StartsWith("ture", StringComparison.Ordinal)) return (["Ju", "Tu"], 4);
        if (Rest().StartsWith("tch", StringComparison.Ordinal)) return (["J"], 3);
        if (Rest().StartsWith("sch", StringComparison.Ordinal)) return (["SK", "S"], 3);
        if (i == 0 && Rest().StartsWith("kn", StringComparison.Ordinal)) return (["N"], 2);
        switch (w[i], next)
        {
            case ('c', 'h'): return (["J", "K"], 2);
            case ('s', 'h'): return (["S"], 2);
            case ('t', 'h'): return (["T", "S"], 2);
            case ('p', 'h'): return (["P"], 2);
            case ('c', 'k'): return (["K"], 2);
            case ('q', 'u'): return (["Ku"], 2);
            case ('g', 'h'): return (i == 0 ? ["K"] : [""], 2);
            case ('w', 'h'): return (["w"], 2);
        }
        return w[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' => (IsSilentE(w, i) ? [""] : [w[i].ToString()], 1),
            'b' or 'p' or 'f' or 'v' => (["P"], 1),
            'd' or 't' => (["T"], 1),
            'k' or 'q' => (["K"], 1),
            'c' => (IsFrontVowel(next) ? ["S"] : ["K"], 1),
            // The g of a final or pre-consonant ng is the ng sound, keyed with the n (트레이닝).
            'g' when previous == 'n' && !IsVowel(next) => ([""], 1),
            'g' => (IsFrontVowel(next) ? ["J", "K"] : ["K"], 1),
            'j' => (["J"], 1),
            'z' => (["J", "S"], 1),
            's' => (IsVowel(previous) && IsVowel(next) ? ["S", "J"] : ["S"], 1),
            'x' => (["KS"], 1),
            'l' => (["L"], 1),
            'r' when IsVowel(previous) && !IsVowel(next) => (["", "L"], 1),
            'r' => (["L"], 1),
            'm' => (["M"], 1),
            'n' => (["N"], 1),
            // h is heard at the start and between vowels (허깅, 비헤이비어), silent after a vowel (yeah).
            'h' => (i == 0 || IsVowel(next) ? ["H"] : [""], 1),
            _ => ([""], 1),
        };
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsFrontVowel(char c) => c is 'e' or 'i' or 'y';

    private static bool IsSilentE(string w, int i) =>
        w[i] == 'e' && i == w.Length - 1 && w.Length > 3 && !IsVowel(w[i - 1]);
}
