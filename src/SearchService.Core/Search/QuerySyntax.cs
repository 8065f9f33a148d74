using System.Text;

namespace SearchService.Core.Search;

/// <summary>
/// Splits the <c>q</c> parameter into clauses: plain words, "quoted phrases", <c>-exclusions</c> and
/// <c>field:value</c> prefixes. Malformed input raises <see cref="QuerySyntaxException"/> with a message fit for a user.
/// </summary>
public static class QuerySyntax
{
    private static readonly Dictionary<string, ClauseField> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = ClauseField.Title,
        ["abstract"] = ClauseField.Abstract,
        ["author"] = ClauseField.Author,
        ["tag"] = ClauseField.Tag,
    };

    /// <summary>Words that end in ':' only because they are URLs, never field prefixes.</summary>
    private static readonly HashSet<string> UrlSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "arxiv", "doi" };

    public static IReadOnlyList<QueryClause> Parse(string query)
    {
        var clauses = new List<QueryClause>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            var excluded = false;
            if (query[i] == '-')
            {
                excluded = true;
                i++;
                if (i >= query.Length || char.IsWhiteSpace(query[i]))
                    throw new QuerySyntaxException("A '-' must be followed by the word or \"phrase\" to exclude, with no space between.");
            }
            var field = ClauseField.Any;
            var prefixEnd = PrefixEnd(query, i);
            if (prefixEnd > i)
            {
                var name = query[i..prefixEnd];
                if (!Prefixes.TryGetValue(name, out field))
                    throw new QuerySyntaxException($"Unknown field '{name}:'. Known fields: {string.Join(", ", Prefixes.Keys.Select(k => k + ":"))}.");
                i = prefixEnd + 1;
            }
            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                if (close < 0) throw new QuerySyntaxException("A quoted phrase is not closed: add the closing '\"'.");
                var phrase = query[(i + 1)..close].Trim();
                if (phrase.Length > 0) clauses.Add(new QueryClause(phrase, field, IsPhrase: true, excluded));
                i = close + 1;
                continue;
            }
            var word = new StringBuilder();
            while (i < query.Length && !char.IsWhiteSpace(query[i]))
            {
                if (query[i] == '"') throw new QuerySyntaxException("A quote must start a phrase: put a space before the opening '\"'.");
                word.Append(query[i++]);
            }
            clauses.Add(new QueryClause(word.ToString(), field, IsPhrase: false, excluded));
        }
        return clauses;
    }

    /// <summary>The index of the ':' ending a field prefix at <paramref name="start"/>, or <paramref name="start"/> when there is none.</summary>
    private static int PrefixEnd(string query, int start)
    {
        var j = start;
        while (j < query.Length && char.IsAsciiLetter(query[j])) j++;
        if (j == start || j >= query.Length || query[j] != ':') return start;
        if (UrlSchemes.Contains(query[start..j])) return start;
        // "RoPE: rotary" is prose, not a prefix: a prefix is followed directly by its value.
        return j + 1 < query.Length && !char.IsWhiteSpace(query[j + 1]) ? j : start;
    }
}

/// <summary>The query string cannot be understood; the message says why and how to fix it.</summary>
public sealed class QuerySyntaxException(string message) : Exception(message);
