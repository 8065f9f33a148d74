using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchService.Core.Analysis;

/// <summary>
/// Analyzer for titles, abstracts and English commentary: the usual English chain plus ASCII folding,
/// so "naïve" and "naive" or "Pérez" and "Perez" meet.
/// </summary>
public sealed class EnglishTextAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        // Possessive before lower-casing and stemming: it matches 's and ’s as written.
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, EnglishAnalyzer.DefaultStopSet);
        // Porter last: it expects lower-case input and stop words already gone.
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
