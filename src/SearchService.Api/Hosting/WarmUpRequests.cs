using SearchService.Core.Notes;

namespace SearchService.Api.Hosting;

/// <summary>
/// The requests <see cref="RequestWarmUp"/> sends: the read endpoints in the mix a search client sends them
/// (mostly keyword searches, some default hybrid searches, related-paper and paper lookups), with queries of three
/// words drawn from the indexed papers' own titles, tags and Korean commentary. Seeded, so a start is repeatable.
/// </summary>
public sealed class WarmUpRequests
{
    private const int MaxWords = 4_000;
    private readonly string[] words;
    private readonly string[] ids;
    private readonly Random random = new(17);

    /// <summary>Draws the words and ids from <paramref name="papers"/> (a sample: the caller decides how many).</summary>
    public WarmUpRequests(IEnumerable<Paper> papers)
    {
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        var seenIds = new List<string>();
        foreach (var paper in papers)
        {
            seenIds.Add(paper.Id);
            foreach (var text in paper.Tags.Append(paper.Title).Append(paper.KoreanCommentary))
                foreach (var word in Words(text))
                    if (seenWords.Count < MaxWords) seenWords.Add(word);
        }
        words = [.. seenWords];
        ids = [.. seenIds];
    }

    /// <summary>Whether there is anything to ask for (an empty index gives nothing).</summary>
    public bool IsEmpty => words.Length == 0 || ids.Length == 0;

    /// <summary>
    /// The path and query of the <paramref name="n"/>-th request: of every 20, 16 keyword searches and two default
    /// (hybrid) ones, one related-paper and one paper lookup. Hybrid is a small share because its query embedding
    /// costs ~10 ms of native code that needs no warming; what it runs besides is the keyword path.
    /// Not thread-safe: the caller serializes calls.
    /// </summary>
    public string Next(int n) => (n % 20) switch
    {
        5 or 15 => $"/search?q={Query()}&limit=10",
        10 => $"/papers/{Uri.EscapeDataString(Id())}/related?limit=10",
        19 => $"/papers/{Uri.EscapeDataString(Id())}",
        _ => $"/search?mode=keyword&q={Query()}&limit=10",
    };

    private string Query() => Uri.EscapeDataString(string.Join(' ', words[random.Next(words.Length)], words[random.Next(words.Length)], words[random.Next(words.Length)]));

    private string Id() => ids[random.Next(ids.Length)];

    // Runs of letters and digits: two or more for Hangul, where a word is often two syllables, three or more otherwise.
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            var word = text[start..i];
            start = -1;
            if (word.Length >= 3 || (word.Length == 2 && Script.IsHangul(word[0])))
                yield return word;
        }
    }
}
