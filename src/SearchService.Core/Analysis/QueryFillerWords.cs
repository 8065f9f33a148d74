namespace SearchService.Core.Analysis;

/// <summary>
/// Generic words of a question about papers ("~하는 논문은?", "which paper ...") that carry no topic and
/// would otherwise outweigh the content words of a short query. Deliberately small and generic:
/// nothing here names a subject.
/// </summary>
public static class QueryFillerWords
{
    /// <summary>Korean filler, compared with the particle-stripped word (논문은 → 논문).</summary>
    public static IReadOnlySet<string> Korean { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "논문", "연구", "방법", "방식", "무엇", "무엇인가", "뭐", "뭔가", "뭔지", "어떤", "어떻게", "무슨", "어느",
        "찾아줘", "알려줘", "보여줘", "관련", "관한", "대한", "대해", "대해서", "있나", "있나요", "있는", "있을까",
        "하는", "했던", "하던", "한", "된", "되는", "던", "것", "건", "걸", "게", "거", "나요", "인가", "인가요",
    };

    /// <summary>
    /// English filler words, compared lower-cased: question words and modals, and the English of the Korean
    /// filler above (방법, 방식, 연구: method, approach, way, technique, work), which a question about a paper
    /// names without saying which.
    /// </summary>
    public static IReadOnlySet<string> English { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "paper", "papers", "study", "studies", "article", "what", "which", "who", "whose", "how", "does", "do", "did",
        "is", "are", "was", "were", "the", "a", "an", "that", "there", "find", "show", "me", "about", "any",
        "method", "methods", "approach", "approaches", "way", "technique", "techniques", "work", "can", "could",
        "would", "should", "when", "why", "where", "using", "via", "one",
    };
}
