using System.Globalization;
using SearchService.Core.Search;

namespace SearchService.Api.Apis;

/// <summary>Checks <see cref="SearchParameters"/> and builds a <see cref="SearchRequest"/>, or says what is wrong.</summary>
public static class SearchRequestReader
{
    public const int MaxQueryLength = 1000;
    public const int MaxLimit = 100;
    public const int MaxOffset = 10_000;
    public const int MaxFilters = 20;

    private static readonly HashSet<string> KnownParameters =
        new(["q", "author", "tag", "from", "to", "sort", "mode", "limit", "offset"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the request, or null with the errors keyed by parameter name.</summary>
    public static SearchRequest? Read(SearchParameters p, IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        foreach (var unknown in query.Keys.Where(k => !KnownParameters.Contains(k)))
            errors[unknown] = [$"Unknown parameter '{unknown}'. Known: {string.Join(", ", KnownParameters)}."];
        var q = p.Q?.Trim() ?? "";
        if (q.Length > MaxQueryLength) errors["q"] = [$"The query is {q.Length} characters long; at most {MaxQueryLength} are allowed."];
        if ((p.Author?.Length ?? 0) + (p.Tag?.Length ?? 0) > MaxFilters) errors["tag"] = [$"At most {MaxFilters} author and tag filters together."];
        var from = ReadDate(p.From, "from", endOfPeriod: false, errors);
        var to = ReadDate(p.To, "to", endOfPeriod: true, errors);
        if (from > to) errors["from"] = ["'from' is after 'to'."];
        var sort = ReadEnum<SearchSort>(p.Sort, "sort", errors);
        var mode = ReadEnum<SearchMode>(p.Mode, "mode", errors);
        var limit = ReadInt(p.Limit, "limit", 10, 1, MaxLimit, errors);
        var offset = ReadInt(p.Offset, "offset", 0, 0, MaxOffset, errors);
        if (errors.Count == 0 && q.Length > 0)
        {
            try { QuerySyntax.Parse(q); }
            catch (QuerySyntaxException e) { errors["q"] = [e.Message]; }
        }
        if (errors.Count > 0) return null;
        return new SearchRequest
        {
            Query = q,
            Authors = Clean(p.Author),
            Tags = Clean(p.Tag),
            From = from,
            To = to,
            Sort = sort ?? SearchSort.Relevance,
            Mode = mode,
            Limit = limit,
            Offset = offset,
        };
    }

    private static string[] Clean(string[]? values) =>
        values?.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray() ?? [];

    private static int ReadInt(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors[name] = [$"'{name}' must be a whole number from {min} to {max}."];
        return fallback;
    }

    private static T? ReadEnum<T>(string? text, string name, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])) return value;
        errors[name] = [$"'{name}' must be one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}."];
        return null;
    }

    /// <summary>Reads yyyy, yyyy-MM or yyyy-MM-dd; a 'to' date of a year or month means its last day.</summary>
    private static DateOnly? ReadDate(string? text, string name, bool endOfPeriod, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            // The month's last day directly: AddMonths(1) overflows in December of year 9999.
            return endOfPeriod ? new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)) : month;
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
            return endOfPeriod ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        errors[name] = [$"'{name}' must be a date: yyyy, yyyy-MM or yyyy-MM-dd."];
        return null;
    }
}
