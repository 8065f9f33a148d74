using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using SearchService.Core.Analysis;

namespace SearchService.Core.Indexing;

/// <summary>The analyzer of every text field: English text, Korean commentary, author names; everything else verbatim.</summary>
public static class PaperAnalyzers
{
    public static Analyzer Create(KoreanAnalysisOptions? korean = null) =>
        Create(new KoreanAnalyzer(korean ?? new KoreanAnalysisOptions()));

    /// <summary>The same, with another analyzer for the Korean commentary (the ablation compares Lucene's CJKAnalyzer).</summary>
    public static Analyzer Create(Analyzer korean)
    {
        var english = new EnglishTextAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), new Dictionary<string, Analyzer>
        {
            [PaperFields.Title] = english,
            [PaperFields.Abstract] = english,
            [PaperFields.English] = english,
            [PaperFields.Korean] = korean,
            [PaperFields.AllText] = korean,
            [PaperFields.Authors] = new AuthorAnalyzer(),
        });
    }
}
