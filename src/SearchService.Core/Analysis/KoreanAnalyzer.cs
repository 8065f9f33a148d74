using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchService.Core.Analysis;

/// <summary>
/// Analyzer for Korean commentary, at index and at query time. The commentary mixes Korean sentences with
/// English terms (<c>MoE가 지식의 기억에는</c>), so each token is analyzed by its script: Latin tokens as
/// English (possessive, stop words, Porter), Hangul tokens by particle stripping and bigrams.
/// Lucene.Net 4.8 ships no Korean morphological analyzer; this is a light, rule-based stand-in.
/// </summary>
public sealed class KoreanAnalyzer : Analyzer
{
    private readonly KoreanAnalysisOptions _options;

    public KoreanAnalyzer() : this(KoreanAnalysisOptions.Default)
    {
    }

    public KoreanAnalyzer(KoreanAnalysisOptions options)
    {
        _options = options;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        // UAX#29 keeps a Latin word glued to a following Hangul particle as one token; the split below fixes that.
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = source;
        if (_options.LatinSplit)
        {
            stream = new ScriptBoundaryFilter(stream);
        }
        // Width folding before lower-casing, so full-width ＧＰＴ becomes gpt like any other Latin word.
        stream = new CJKWidthFilter(stream);
        // Folding as in EnglishTextAnalyzer, so a Latin word here analyzes exactly as in the English fields.
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);

        // The English steps below honour the keyword flag; marking Hangul first keeps them off Korean words.
        stream = new HangulKeywordMarkerFilter(stream);
        stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);

        if (_options.Stemming)
        {
            stream = new KoreanParticleStemFilter(stream);
            // After stemming, so a particle left alone by the script split (를) or a bare ending (하는) goes too.
            stream = new StopFilter(LuceneVersion.LUCENE_48, stream, KoreanStopWords.Set);
        }
        if (_options.Bigrams)
        {
            // Last, so bigrams are cut from stems: 강화학습을 gives 강화, 화학, 학습 and not 습을.
            stream = new HangulBigramFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }
}
