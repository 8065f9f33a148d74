using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace SearchService.Core.Analysis;

/// <summary>
/// Korean tokens that carry no topic: particles left standing alone after a script split
/// (<c>Transformer를</c> → <c>를</c>), bare verb endings, and a few function words.
/// </summary>
public static class KoreanStopWords
{
    private static readonly string[] s_functionWords =
    [
        "것", "것을", "것이", "것은", "것도", "수", "수가", "수도", "등", "및", "또는", "혹은", "그리고",
        "하지만", "그러나", "그래서", "따라서", "또한", "이", "그", "저", "이런", "그런", "저런", "이러한",
        "그러한", "이것", "그것", "여기", "거기", "더", "때", "좀", "잘", "또", "즉", "매우", "아주", "정말",
        "통해", "통한", "위해", "위한", "대해", "대한", "같은", "같이", "있는", "있다", "없는", "없다",
        "있고", "있음", "하다", "된다", "한다", "있습니다", "합니다", "됩니다", "이다", "입니다", "네요",
        "군요", "거죠", "이죠", "죠",
    ];

    /// <summary>The stop set: every particle and ending of <see cref="KoreanParticleStemmer"/> plus function words.</summary>
    public static CharArraySet Set { get; } = new CharArraySet(
        LuceneVersion.LUCENE_48,
        KoreanParticleStemmer.Suffixes.Concat(s_functionWords).ToList(),
        ignoreCase: false).AsReadOnly();
}
