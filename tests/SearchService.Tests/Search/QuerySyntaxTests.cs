using SearchService.Core.Search;

namespace SearchService.Tests.Search;

public sealed class QuerySyntaxTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void EmptyQueryHasNoClauses(string query) => Assert.Empty(QuerySyntax.Parse(query));

    [Fact]
    public void WordsAreSeparateClausesOverEveryField() =>
        Assert.Equal([new QueryClause("flow"), new QueryClause("matching")], QuerySyntax.Parse("  flow   matching "));

    [Fact]
    public void QuotedWordsAreOnePhrase() =>
        Assert.Equal(
            [new QueryClause("flow matching", IsPhrase: true), new QueryClause("video")],
            QuerySyntax.Parse("\"flow matching\" video"));

    [Fact]
    public void PhraseIsTrimmedAndAnEmptyPhraseIsDropped() =>
        Assert.Equal([new QueryClause("flow matching", IsPhrase: true)], QuerySyntax.Parse("\" flow matching \" \"\" \"  \""));

    [Fact]
    public void UnclosedQuoteIsAnError()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse("\"flow matching"));
        Assert.Contains("not closed", error.Message);
    }

    [Fact]
    public void QuoteInsideAWordIsAnError() =>
        Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse("flow\"matching\""));

    [Fact]
    public void MinusExcludesAWordOrAPhrase() =>
        Assert.Equal(
            [new QueryClause("diffusion"), new QueryClause("video", IsExcluded: true), new QueryClause("text to image", IsPhrase: true, IsExcluded: true)],
            QuerySyntax.Parse("diffusion -video -\"text to image\""));

    [Theory]
    [InlineData("diffusion - video")]
    [InlineData("diffusion -")]
    public void MinusWithoutAWordIsAnError(string query)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse(query));
        Assert.Contains("'-'", error.Message);
    }

    [Fact]
    public void HyphenInsideAWordIsPartOfTheWord() =>
        Assert.Equal([new QueryClause("long-context")], QuerySyntax.Parse("long-context"));

    [Fact]
    public void FieldPrefixesApplyToTheirWordOrPhrase() =>
        Assert.Equal(
            [
                new QueryClause("diffusion", ClauseField.Title),
                new QueryClause("kakade", ClauseField.Author),
                new QueryClause("long context", ClauseField.Tag, IsPhrase: true),
                new QueryClause("denoising", ClauseField.Abstract),
            ],
            QuerySyntax.Parse("title:diffusion author:kakade tag:\"long context\" abstract:denoising"));

    [Fact]
    public void FieldPrefixIgnoresCase() =>
        Assert.Equal([new QueryClause("diffusion", ClauseField.Title)], QuerySyntax.Parse("TITLE:diffusion"));

    [Fact]
    public void ExcludedFieldClauseKeepsBoth() =>
        Assert.Equal([new QueryClause("video", ClauseField.Tag, IsExcluded: true)], QuerySyntax.Parse("-tag:video"));

    [Fact]
    public void UnknownPrefixIsAnErrorThatNamesItAndTheKnownOnes()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.Parse("tags:attention"));
        Assert.Contains("'tags:'", error.Message);
        Assert.Contains("tag:", error.Message.Replace("'tags:'", ""));
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2410.19034")]
    [InlineData("arxiv:2410.19034")]
    [InlineData("doi:10.1000/xyz")]
    public void UrlsAreWordsNotPrefixes(string query) =>
        Assert.Equal([new QueryClause(query)], QuerySyntax.Parse(query));

    [Fact]
    public void ColonFollowedBySpaceIsProseNotAPrefix() =>
        Assert.Equal([new QueryClause("RoPE:"), new QueryClause("rotary")], QuerySyntax.Parse("RoPE: rotary"));

    [Fact]
    public void PrefixAtTheEndIsAPlainWord() =>
        Assert.Equal([new QueryClause("title:")], QuerySyntax.Parse("title:"));

    [Fact]
    public void KoreanAndEnglishWordsMix() =>
        Assert.Equal([new QueryClause("MoE"), new QueryClause("추론"), new QueryClause("능력")], QuerySyntax.Parse("MoE 추론 능력"));
}
