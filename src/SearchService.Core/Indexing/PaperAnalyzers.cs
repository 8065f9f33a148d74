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
        var analyzers = new Dictionary<string, Analyzer>
        {
            [EnglishAnalysis] = new EnglishTextAnalyzer(),
            [KoreanAnalysis] = korean,
            [PaperFields.Authors] = new AuthorAnalyzer(),
        };
        var created = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Analysis.ToDictionary(a => a.Key, a => analyzers[a.Value]));
        Created.Add(created, Analysis);
        return created;
    }

    /// <summary>The analyzers made here (held weakly), whose fields share analyses as <see cref="Analysis"/> says.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Analyzer, object> Created = new();

    private const string EnglishAnalysis = "english";
    private const string KoreanAnalysis = "korean";

    /// <summary>Which analysis each analysed field gets; fields that share one produce the same tokens for a text.</summary>
    private static readonly Dictionary<string, string> Analysis = new()
    {
        [PaperFields.Title] = EnglishAnalysis,
        [PaperFields.Abstract] = EnglishAnalysis,
        [PaperFields.English] = EnglishAnalysis,
        [PaperFields.Korean] = KoreanAnalysis,
        [PaperFields.AllText] = KoreanAnalysis,
        [PaperFields.Authors] = PaperFields.Authors,
    };

    /// <summary>
    /// The name of the analysis <paramref name="analyzer"/> gives <paramref name="field"/>: the same name for fields
    /// that get the same tokens from a text; the field itself for analyzers not made here.
    /// </summary>
    public static string AnalysisOf(Analyzer analyzer, string field) =>
        Created.TryGetValue(analyzer, out _) ? Analysis.GetValueOrDefault(field, field) : field;
}
