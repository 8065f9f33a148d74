using SearchService.Core.Notes;

namespace SearchService.Core.Store;

/// <summary>How many warnings carry one code.</summary>
public sealed record WarningCount(string Code, int Count);

/// <summary>The warnings of one file, in line order.</summary>
public sealed record FileWarnings(string Path, IReadOnlyList<ParseWarning> Warnings);

/// <summary>
/// One page of parse warnings grouped by file, so a user can go through their notes one file at a time.
/// <see cref="Codes"/> counts every warning (not only the filtered ones), so it also lists the codes to filter by;
/// <see cref="Total"/> and <see cref="TotalFiles"/> count what matches the filter, and paging is over files.
/// </summary>
public sealed record WarningReport(int Total, int TotalFiles, int Offset, int Limit, IReadOnlyList<WarningCount> Codes, IReadOnlyList<FileWarnings> Files)
{
    public static WarningReport Build(IReadOnlyList<ParseWarning> warnings, string? code, int offset, int limit)
    {
        var codes = warnings.GroupBy(w => w.Code, StringComparer.Ordinal)
            .Select(g => new WarningCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var matching = string.IsNullOrEmpty(code) ? warnings : warnings.Where(w => string.Equals(w.Code, code, StringComparison.OrdinalIgnoreCase)).ToList();
        var files = matching.GroupBy(w => w.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FileWarnings(g.Key, g.OrderBy(w => w.Line ?? 0).ThenBy(w => w.Code, StringComparer.Ordinal).ToList()))
            .ToList();
        return new WarningReport(matching.Count, files.Count, offset, limit, codes, files.Skip(offset).Take(limit).ToList());
    }
}
