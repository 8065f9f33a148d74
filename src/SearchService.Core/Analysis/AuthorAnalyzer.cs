using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchService.Core.Analysis;

/// <summary>
/// Analyzer for author names: lower-case, accent-free name parts with no stemming, so <c>author:munoz</c>
/// finds Muñoz. It also undoes two PDF-extraction artefacts seen in the notes: a combining mark detached
/// onto a space ("Tr ̨ebacz" → trebacz) and an affiliation digit glued to a name ("Wang1" → wang).
/// </summary>
public sealed partial class AuthorAnalyzer : Analyzer
{
    // Detached marks are removed with the space before them, else the name would split into "tr" and "ebacz".
    private static readonly NormalizeCharMap s_combiningMarks = BuildCombiningMarkMap();

    /// <remarks>
    /// A name is short, so it is read whole and the mark filter (which allocates kilobytes of buffers) is put in only
    /// when the name holds a combining mark: every keyword query analyses its words as author names too.
    /// </remarks>
    protected override TextReader InitReader(string fieldName, TextReader reader)
    {
        var text = reader.ReadToEnd() ?? ""; // Lucene's reader of an empty string gives null
        var plain = new StringReader(text);
        return text.AsSpan().IndexOfAnyInRange('\u0300', '\u036F') >= 0 ? new MappingCharFilter(s_combiningMarks, plain) : plain;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ASCIIFoldingFilter(source);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new PatternReplaceFilter(stream, AffiliationDigits(), "", all: false);
        return new TokenStreamComponents(source, stream);
    }

    [GeneratedRegex(@"(?<=\p{L})\d+$")]
    private static partial Regex AffiliationDigits();

    private static NormalizeCharMap BuildCombiningMarkMap()
    {
        var builder = new NormalizeCharMap.Builder();
        for (var mark = '\u0300'; mark <= '\u036F'; mark++)
        {
            builder.Add(mark.ToString(), "");
            builder.Add(" " + mark, "");
            builder.Add("\u00A0" + mark, "");
        }
        return builder.Build();
    }
}
