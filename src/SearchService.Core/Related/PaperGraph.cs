using SearchService.Core.Notes;

namespace SearchService.Core.Related;

/// <summary>
/// What the notes say about each other, built once per version of the catalog: <c>[[links]]</c> both
/// ways, arXiv URLs cited in the text, and short names mentioned in the text. Keeps ids and edges only, not the
/// papers: the build walks them twice (names first, then what each text cites and names), one at a time.
/// </summary>
public sealed class PaperGraph
{
    /// <summary>Papers a short name may belong to and still count as naming one of them.</summary>
    private const int MaxPapersPerName = 8;

    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    // The hash of each paper's text as built, to tell whether a paper asked about is still that version.
    private readonly Dictionary<string, int> builtText = new(StringComparer.Ordinal);
    // Nearly every note name and short name is one paper's: kept without a list per name (StringSetMap).
    private readonly StringSetMap idsByNoteName = new();
    private readonly StringSetMap idsByShortName = new();
    private readonly Dictionary<string, HashSet<string>> backLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> citedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> mentionedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> idsByTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> idsByAuthor = new(StringComparer.Ordinal);
    // What each paper's own text cites and names, found once here rather than by scanning its text per request.
    // Arrays, not lists: most are empty, and an empty array is shared.
    private readonly Dictionary<string, string[]> cites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> mentions = new(StringComparer.Ordinal);

    /// <param name="walk">Every paper; enumerated twice.</param>
    public PaperGraph(IEnumerable<Paper> walk)
    {
        foreach (var paper in walk)
        {
            // Each paper comes once, so its id is new to every list once its own keys are distinct: a list of a common
            // tag's papers is never searched (List.Contains made the build quadratic in the papers of a tag).
            if (!ids.Add(paper.Id)) continue;
            foreach (var source in paper.Sources.Select(s => s.NoteName).Distinct(StringComparer.Ordinal)) idsByNoteName.Add(source, paper.Id);
            foreach (var name in ShortNames.Of(paper)) idsByShortName.Add(name, paper.Id);
            foreach (var tag in paper.Tags.Select(TagNormalizer.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)) Add(idsByTag, tag, paper.Id);
            foreach (var author in paper.Authors.Select(AuthorNames.Fold).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)) Add(idsByAuthor, author, paper.Id);
        }
        // A name that many papers go by (titles such as "LLMs: ...") does not say which of them a note means, and linking
        // every paper that writes it to all of them grows with the square of the corpus (a generated
        // million took over 15 minutes and gigabytes). The real notes' names belong to one or two papers each.
        foreach (var name in idsByShortName.Keys.Where(n => idsByShortName.CountOf(n) > MaxPapersPerName).ToList()) idsByShortName.RemoveKey(name);
        foreach (var paper in walk)
        {
            if (!ids.Contains(paper.Id)) continue;
            foreach (var target in LinkedFrom(paper)) AddSet(backLinks, target, paper.Id);
            var text = Text(paper);
            builtText[paper.Id] = text.GetHashCode(StringComparison.Ordinal);
            cites[paper.Id] = CitedIn(text).ToArray();
            mentions[paper.Id] = MentionedIn(text).ToArray();
            foreach (var target in cites[paper.Id]) AddSet(citedBy, target, paper.Id);
            foreach (var target in mentions[paper.Id]) AddSet(mentionedBy, target, paper.Id);
        }
    }

    /// <summary>Papers linked to or from <paramref name="paper"/>.</summary>
    public IEnumerable<string> Linked(Paper paper) =>
        LinkedFrom(paper).Concat(backLinks.GetValueOrDefault(paper.Id) ?? []);

    /// <summary>Papers whose arXiv URL <paramref name="paper"/> gives, and papers that give its URL.</summary>
    public IEnumerable<string> Cited(Paper paper) =>
        (IsAsBuilt(paper) ? cites[paper.Id] : CitedIn(Text(paper))).Concat(citedBy.GetValueOrDefault(paper.Id) ?? []);

    /// <summary>Papers <paramref name="paper"/> names, and papers that name it.</summary>
    public IEnumerable<string> Mentioned(Paper paper) =>
        (IsAsBuilt(paper) ? mentions[paper.Id] : MentionedIn(Text(paper))).Concat(mentionedBy.GetValueOrDefault(paper.Id) ?? []);

    /// <summary>Whether <paramref name="paper"/> has the text the graph was built from (not a newer version of it).</summary>
    private bool IsAsBuilt(Paper paper) =>
        builtText.TryGetValue(paper.Id, out var built) && built == Text(paper).GetHashCode(StringComparison.Ordinal) && cites.ContainsKey(paper.Id);

    /// <summary>Papers whose short name appears in <paramref name="text"/>.</summary>
    public IEnumerable<string> MentionedIn(string text) =>
        ShortNames.Candidates(text).Distinct(StringComparer.Ordinal).SelectMany(idsByShortName.Of);

    /// <summary>Papers in the catalog whose arXiv id is given in <paramref name="text"/>.</summary>
    public IEnumerable<string> CitedIn(string text) => PaperId.ArxivIdsIn(text).Where(ids.Contains);

    /// <summary>How rare a tag is: log(N / papers with the tag), so a shared rare tag says more than a shared common one.</summary>
    public double TagWeight(string normalizedTag) =>
        Math.Log((ids.Count + 1.0) / ((idsByTag.GetValueOrDefault(normalizedTag)?.Count ?? 0) + 1.0));

    /// <summary>Papers carrying the tag (normalized).</summary>
    public IReadOnlyList<string> WithTag(string normalizedTag) => idsByTag.GetValueOrDefault(normalizedTag) ?? [];

    /// <summary>Papers with the author (folded: lower case, no accents).</summary>
    public IReadOnlyList<string> ByAuthor(string foldedAuthor) => idsByAuthor.GetValueOrDefault(foldedAuthor) ?? [];

    /// <summary>Whether the graph was built with paper <paramref name="id"/>.</summary>
    public bool Contains(string id) => ids.Contains(id);

    /// <summary>The commentary and abstract, where notes cite and name other papers.</summary>
    public static string Text(Paper paper) => string.Join('\n', paper.Abstract, paper.KoreanCommentary, paper.EnglishCommentary);

    private IEnumerable<string> LinkedFrom(Paper paper) =>
        paper.Links.SelectMany(name => idsByNoteName.Of(name) is { Count: > 0 } named ? named : ids.Contains(name) ? [name] : []);

    private static void Add(Dictionary<string, List<string>> map, string key, string id)
    {
        if (!map.TryGetValue(key, out var ids)) map[key] = ids = [];
        ids.Add(id);
    }

    private static void AddSet(Dictionary<string, HashSet<string>> map, string key, string id)
    {
        if (!map.TryGetValue(key, out var ids)) map[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        ids.Add(id);
    }
}
