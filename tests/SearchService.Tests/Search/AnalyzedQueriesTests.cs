using Lucene.Net.Analysis.Standard;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Tests.Search;

/// <summary>Analysing a text once per analyzer must build exactly the queries Lucene's QueryBuilder builds field by field.</summary>
public sealed class AnalyzedQueriesTests
{
    private static readonly string[] Fields = [PaperFields.Title, PaperFields.Abstract, PaperFields.English, PaperFields.Korean, PaperFields.AllText, PaperFields.Authors, PaperFields.Tag];

    public static TheoryData<string> Texts() => new()
    {
        "transformer",
        "강화 학습 reward",
        "the transformer's attention of the",
        "Transformer를 이용한 추론 속도",
        "José Muñoz Wang1",
        "of the",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void WordsAndPhrasesAreTheQueriesQueryBuilderMakes(string text)
    {
        var analyzer = PaperAnalyzers.Create();
        var builder = new QueryBuilder(analyzer);
        // One instance for every field, as a query uses it: the second field of an analysis reads the cached tokens.
        var analysed = new AnalyzedQueries(analyzer, builder);
        foreach (var field in Fields)
        {
            Assert.Equal(builder.CreateBooleanQuery(field, text, Occur.SHOULD)?.ToString(), analysed.Words(field, text, Occur.SHOULD)?.ToString());
            Assert.Equal(builder.CreateBooleanQuery(field, text, Occur.MUST)?.ToString(), analysed.Words(field, text, Occur.MUST)?.ToString());
            Assert.Equal(builder.CreatePhraseQuery(field, text, 1)?.ToString(), analysed.Phrase(field, text, 1)?.ToString());
        }
    }

    [Fact]
    public void AnAnalyzerNotMadeByPaperAnalyzersIsAnalysedPerField()
    {
        var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        var builder = new QueryBuilder(analyzer);
        var analysed = new AnalyzedQueries(analyzer, builder);
        Assert.Equal("title:sparse title:attention", analysed.Words(PaperFields.Title, "Sparse attention", Occur.SHOULD)?.ToString());
        Assert.Equal("ko:\"sparse attention\"", analysed.Phrase(PaperFields.Korean, "Sparse attention")?.ToString());
    }
}
