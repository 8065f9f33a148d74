using System.Globalization;
using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>Facet counts over a list of papers in memory, for rankings that do not come from one Lucene query.</summary>
public static class FacetCounts
{
    public static SearchFacets Of(IReadOnlyCollection<Paper> papers, int top) => new(
        Top(papers.SelectMany(p => p.Tags.Select(TagNormalizer.Normalize).Where(t => t.Length > 0).Distinct()), top),
        Top(papers.Where(p => p.Date is not null).Select(p => p.Date!.Value.Year.ToString(CultureInfo.InvariantCulture)), top),
        Top(papers.SelectMany(p => p.Authors.Distinct()), top));

    private static IReadOnlyList<FacetValue> Top(IEnumerable<string> values, int top) =>
        values.GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(top).ToList();
}
