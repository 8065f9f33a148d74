using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Search;
using SearchService.Tests.Analysis;

namespace SearchService.Tests.Search;

/// <summary>The Lucene queries built for each kind of clause, checked by shape: which occur, which fields, which boosts.</summary>
public sealed class PaperQueryBuilderTests
{
    private static readonly Analyzer Analyzer = PaperAnalyzers.Create();
    private static readonly KeywordWeights Weights = new();
    private static readonly PaperQueryBuilder Builder = new(Analyzer);

    /// <summary>Every text field a free word is looked up in, with the weight it should carry.</summary>
    private static readonly Dictionary<string, float> TextFieldBoosts = new()
    {
        [PaperFields.Title] = Weights.Title,
        [PaperFields.Abstract] = Weights.Abstract,
        [PaperFields.English] = Weights.English,
        [PaperFields.Korean] = Weights.Korean,
        [PaperFields.Authors] = Weights.Authors,
        [PaperFields.AllText] = Weights.AllText,
    };

    private static Query? Scoring(string query) => Builder.BuildScoring(QuerySyntax.Parse(query));

    /// <summary>The single term a field's analyzer makes of a word (stemmed, folded).</summary>
    private static string Analyzed(string field, string word) =>
        Assert.Single(TokenStreamAssert.Collect(Analyzer.GetTokenStream(field, word), word.Length)).Term;

    [Fact]
    public void NoClausesGiveNoScoringQuery() => Assert.Null(Scoring(""));

    [Fact]
    public void FreeWordIsLookedUpInEveryTextFieldWithItsWeight()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("graph"));
        var free = Assert.Single(query.Clauses);
        Assert.Equal(Occur.SHOULD, free.Occur);
        var perField = Assert.IsType<BooleanQuery>(free.Query).Clauses;
        Assert.All(perField, c => Assert.Equal(Occur.SHOULD, c.Occur));
        var terms = perField.Select(c => Assert.IsType<TermQuery>(c.Query)).ToList();
        Assert.Equal(
            TextFieldBoosts.OrderBy(f => f.Key, StringComparer.Ordinal),
            terms.Select(t => KeyValuePair.Create(t.Term.Field, t.Boost)).OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.All(terms, t => Assert.Equal(Analyzed(t.Term.Field, "graph"), t.Term.Text));
    }

    [Fact]
    public void SeveralFreeWordsShareOneOptionalClausePerField()
    {
        // One word enough: the shape of the ranking clauses, without the minimum-should-match clause.
        var query = Assert.IsType<BooleanQuery>(Builder.BuildScoring(QuerySyntax.Parse("graph neural"), wordsToMatch: "1"));
        var perField = Assert.IsType<BooleanQuery>(Assert.Single(query.Clauses).Query).Clauses;
        var title = Assert.IsType<BooleanQuery>(perField.Single(c => c.Query.Boost == Weights.Title).Query);
        Assert.Equal(2, title.Clauses.Count);
        Assert.All(title.Clauses, c => Assert.Equal(Occur.SHOULD, c.Occur));
    }

    [Fact]
    public void PhraseMustMatchAsAPhraseInSomeTextField()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("\"graph neural\""));
        var phrase = Assert.Single(query.Clauses);
        Assert.Equal(Occur.MUST, phrase.Occur);
        var perField = Assert.IsType<BooleanQuery>(phrase.Query).Clauses;
        Assert.Equal(TextFieldBoosts.Keys.Order(), perField.Select(c => Assert.IsType<PhraseQuery>(c.Query).GetTerms()[0].Field).Order());
        Assert.All(perField, c => Assert.Equal(2, ((PhraseQuery)c.Query).GetTerms().Length));
    }

    [Fact]
    public void ExcludedWordIsMustNotBesideTheFreeWords()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("graph -video"));
        Assert.Equal([Occur.SHOULD, Occur.MUST_NOT], query.Clauses.Select(c => c.Occur));
        var excluded = Assert.IsType<BooleanQuery>(query.Clauses[1].Query).Clauses;
        Assert.All(excluded, c => Assert.Equal(Analyzed(((TermQuery)c.Query).Term.Field, "video"), ((TermQuery)c.Query).Term.Text));
    }

    [Fact]
    public void OnlyExclusionsAreAnchoredOnEveryPaper()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("-video"));
        Assert.Equal([Occur.MUST_NOT, Occur.MUST], query.Clauses.Select(c => c.Occur));
        // Every paper and nothing else (file records share the index), at one score for all.
        var anchor = Assert.IsType<ConstantScoreQuery>(query.Clauses[1].Query);
        Assert.Equal(new Term(PaperFields.Kind, PaperFields.PaperKind), Assert.IsType<TermQuery>(anchor.Query).Term);
    }

    [Theory]
    [InlineData("title:graph", "title")]
    [InlineData("abstract:graph", "abstract")]
    [InlineData("author:kakade", "authors")]
    public void FieldPrefixRequiresTheWordInThatFieldOnly(string clause, string field)
    {
        var query = Assert.IsType<BooleanQuery>(Scoring(clause));
        var only = Assert.Single(query.Clauses);
        Assert.Equal(Occur.MUST, only.Occur);
        var term = Assert.IsType<TermQuery>(only.Query).Term;
        Assert.Equal(field, term.Field);
        Assert.Equal(Analyzed(field, clause[(clause.IndexOf(':') + 1)..]), term.Text);
    }

    [Fact]
    public void FieldPhraseIsAPhraseInThatField()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("title:\"graph neural\""));
        var phrase = Assert.IsType<PhraseQuery>(Assert.Single(query.Clauses).Query);
        Assert.All(phrase.GetTerms(), t => Assert.Equal(PaperFields.Title, t.Field));
    }

    [Fact]
    public void TagPrefixMatchesTheNormalizedTagVerbatim()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("tag:Long_Context"));
        var spellings = Assert.IsType<BooleanQuery>(Assert.Single(query.Clauses).Query);
        var term = Assert.IsType<TermQuery>(Assert.Single(spellings.Clauses).Query).Term;
        Assert.Equal((PaperFields.Tag, "long-context"), (term.Field, term.Text));
    }

    [Fact]
    public void TagPrefixAlsoFindsTheIndexedSpellingsOfTheTag()
    {
        var indexed = new TagSpellingIndex(["longcontext", "long-context", "attention"]);
        var builder = new PaperQueryBuilder(Analyzer, tagSpellings: () => indexed);
        var query = Assert.IsType<BooleanQuery>(builder.BuildScoring(QuerySyntax.Parse("tag:long-context")));
        var spellings = Assert.IsType<BooleanQuery>(Assert.Single(query.Clauses).Query);
        Assert.Equal(["long-context", "longcontext"], spellings.Clauses.Select(c => ((TermQuery)c.Query).Term.Text).Order());
    }

    [Fact]
    public void RequiredClauseOfOnlyStopWordsMatchesNothing()
    {
        var query = Assert.IsType<BooleanQuery>(Scoring("graph title:the"));
        Assert.Empty(query.Clauses);
    }

    [Fact]
    public void ExcludedClauseOfOnlyStopWordsIsDropped() => Assert.Null(Scoring("-title:the"));

    [Fact]
    public void DictionaryTermAddsItsTranslationAtTheExpansionWeight()
    {
        var expansion = new QueryExpansion(TerminologyMap.FromPairs([new TermPair("판별자", "discriminator")]));
        var builder = new PaperQueryBuilder(Analyzer, expansion);
        var query = Assert.IsType<BooleanQuery>(builder.BuildScoring(QuerySyntax.Parse("판별자")));
        var perField = Assert.IsType<BooleanQuery>(Assert.Single(query.Clauses).Query).Clauses;
        var translated = perField.Select(c => c.Query).OfType<TermQuery>()
            .Where(t => t.Term.Text == Analyzed(t.Term.Field, "discriminator"))
            .ToDictionary(t => t.Term.Field, t => t.Boost);
        Assert.Equal(Weights.Title * Weights.Expansion, translated[PaperFields.Title]);
        Assert.Equal(Weights.AllText * Weights.Expansion, translated[PaperFields.AllText]);
        Assert.False(translated.ContainsKey(PaperFields.Authors));
    }

    [Fact]
    public void FreeWordsAreNoRestriction() => Assert.Null(Builder.BuildRestrictions(QuerySyntax.Parse("graph neural")));

    [Fact]
    public void RestrictionsKeepOnlyPhrasesPrefixesAndExclusions()
    {
        var query = Assert.IsType<BooleanQuery>(Builder.BuildRestrictions(QuerySyntax.Parse("graph title:neural -video")));
        Assert.Equal([Occur.MUST, Occur.MUST_NOT], query.Clauses.Select(c => c.Occur));
        Assert.Equal(PaperFields.Title, Assert.IsType<TermQuery>(query.Clauses[0].Query).Term.Field);
    }

    [Fact]
    public void FilterWithoutConditionsKeepsPapersOnly()
    {
        var filter = Assert.IsType<BooleanQuery>(Builder.BuildFilter(new SearchRequest()));
        var kind = Assert.IsType<TermQuery>(Assert.Single(filter.Clauses).Query).Term;
        Assert.Equal((PaperFields.Kind, PaperFields.PaperKind), (kind.Field, kind.Text));
    }

    [Fact]
    public void FilterRequiresEveryAuthorTagAndTheDateRange()
    {
        var request = new SearchRequest
        {
            Authors = ["Kakade", "Sham"],
            Tags = ["attention"],
            From = new DateOnly(2024, 1, 1),
            To = new DateOnly(2024, 6, 30),
        };
        var filter = Assert.IsType<BooleanQuery>(Builder.BuildFilter(request));
        Assert.All(filter.Clauses, c => Assert.Equal(Occur.MUST, c.Occur));
        Assert.Equal(5, filter.Clauses.Count);
        Assert.Equal(["kakade", "sham"], filter.Clauses.Select(c => c.Query).OfType<TermQuery>()
            .Where(t => t.Term.Field == PaperFields.Authors).Select(t => t.Term.Text));
        var range = Assert.IsType<NumericRangeQuery<int>>(filter.Clauses[^1].Query);
        Assert.Equal((PaperFields.Date, 20240101, 20240630, true, true), (range.Field, range.Min, range.Max, range.IncludesMin, range.IncludesMax));
    }

    [Fact]
    public void OpenDateRangeHasNoUpperBound()
    {
        var filter = Assert.IsType<BooleanQuery>(Builder.BuildFilter(new SearchRequest { From = new DateOnly(2025, 2, 3) }));
        var range = Assert.IsType<NumericRangeQuery<int>>(filter.Clauses[^1].Query);
        Assert.Equal((20250203, (int?)null), (range.Min, range.Max));
    }
}
