using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>
/// The tags of the index that a tag query should also find: the same tag written with or without
/// separators (pre-training, pretraining) and, for tags long enough that one slip cannot make another
/// word, a typo one edit away (self-improvment).
/// </summary>
public static class TagSpellings
{
    /// <summary>Shorter compact tags must match exactly: "gan" and "gpt" are one edit from other real tags.</summary>
    public const int MinLengthForTypos = 8;

    /// <summary>
    /// Most spellings one tag query looks for. Anyone who can write can add spellings, and a query of more
    /// than 1,024 terms fails in Lucene, so the tag as typed and its separator variants come first, then typos.
    /// </summary>
    public const int MaxSpellings = 64;


    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns one into the other.</summary>
    public static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length > b.Length) (a, b) = (b, a);
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length)
        {
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
