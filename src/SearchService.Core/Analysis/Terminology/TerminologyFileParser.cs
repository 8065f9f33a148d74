using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Reads terminology files. Three line forms are accepted, '#' starts a comment:
/// <list type="bullet">
/// <item><c>korean&lt;TAB&gt;english[|english...]</c>, where the Korean side may also list variants with '|';</item>
/// <item>Elasticsearch explicit mappings <c>a, b =&gt; c</c>;</item>
/// <item>Elasticsearch equivalences <c>a, b, c</c>.</item>
/// </list>
/// In the Elasticsearch forms a term is Korean when it holds Hangul; every Korean term is paired with every
/// English one. Lines that give no Korean-English pair are skipped: this map only bridges the two languages.
/// </summary>
public static class TerminologyFileParser
{
    /// <summary>Parses the text of one file.</summary>
    public static IEnumerable<TermPair> Parse(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            foreach (var pair in ParseLine(line))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Parses one line; a comment, blank or one-language line gives nothing.</summary>
    public static IEnumerable<TermPair> ParseLine(string line)
    {
        var text = StripComment(line).Trim();
        if (text.Length == 0)
        {
            return [];
        }
        if (text.Contains('\t'))
        {
            var columns = text.Split('\t', 2);
            return Pair(SplitTerms(columns[0], '|'), SplitTerms(columns[1], '|'));
        }
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        var terms = arrow >= 0
            ? SplitTerms(text[..arrow], ',').Concat(SplitTerms(text[(arrow + 2)..], ','))
            : SplitTerms(text, ',');
        var all = terms.ToList();
        return Pair(
            all.Where(t => Script.ContainsHangul(t)),
            all.Where(t => !Script.ContainsHangul(t)));
    }

    private static IEnumerable<TermPair> Pair(IEnumerable<string> korean, IEnumerable<string> english)
    {
        var englishTerms = english.ToList();
        return korean.SelectMany(k => englishTerms.Select(e => new TermPair(k, e))).ToList();
    }

    private static IEnumerable<string> SplitTerms(string text, char separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A '#' only starts a comment at the line start or after white space, so "C#" stays a term.
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }
        return line;
    }
}
