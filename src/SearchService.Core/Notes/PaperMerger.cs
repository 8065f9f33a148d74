namespace SearchService.Core.Notes;

/// <summary>
/// Folds the records of one paper read from several files (same <see cref="Paper.Id"/>, e.g. "SnapKV" and
/// "SnapKV 1") into one paper that lists every source. Nothing any file said is lost: lists are unioned,
/// texts take the longest version, title and authors come from the richest record, the date is the earliest.
/// </summary>
public static class PaperMerger
{
    public static Paper Merge(IEnumerable<Paper> sameIdPapers)
    {
        ArgumentNullException.ThrowIfNull(sameIdPapers);
        var papers = sameIdPapers
            .OrderBy(p => p.Sources.Select(s => s.Path).DefaultIfEmpty("").Min(StringComparer.Ordinal), StringComparer.Ordinal)
            .ToList();
        if (papers.Count == 0) throw new ArgumentException("nothing to merge", nameof(sameIdPapers));
        if (papers.Count == 1) return papers[0];

        var richest = papers
            .OrderByDescending(p => p.Authors.Count)
            .ThenByDescending(p => p.Abstract.Length)
            .ThenByDescending(p => p.Title.Length)
            .First();

        return richest with
        {
            Title = richest.Title.Length > 0 ? richest.Title : Longest(papers.Select(p => p.Title)),
            Abstract = Longest(papers.Select(p => p.Abstract)),
            KoreanCommentary = Longest(papers.Select(p => p.KoreanCommentary)),
            EnglishCommentary = Longest(papers.Select(p => p.EnglishCommentary)),
            Tags = papers.SelectMany(p => p.Tags).DistinctBy(TagNormalizer.Normalize).ToList(),
            Links = papers.SelectMany(p => p.Links).Distinct(StringComparer.Ordinal).ToList(),
            Sources = papers.SelectMany(p => p.Sources).Distinct()
                .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Entry).ToList(),
            Date = papers.Select(p => p.Date).Where(d => d is not null).DefaultIfEmpty(null).Min(),
            Url = richest.Url ?? papers.Select(p => p.Url).FirstOrDefault(u => u is not null),
        };
    }

    /// <summary>The longest text; ties keep the first, i.e. the source whose path sorts first.</summary>
    private static string Longest(IEnumerable<string> texts) =>
        texts.Aggregate("", (best, text) => text.Length > best.Length ? text : best);
}
