using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Analysis;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;

namespace SearchService.Core.Search;

/// <summary>
/// Turns a <see cref="SearchRequest"/> into Lucene queries: a scoring query for the words, and a
/// non-scoring filter for kind, authors, tags and dates (filters must not change the ranking).
/// </summary>
/// <param name="tagSpellings">The tags in the index now, so a tag query can find every spelling of its tag.</param>
public sealed class PaperQueryBuilder(Analyzer analyzer, ITermExpander? expansion = null, KeywordWeights? weights = null, Func<TagSpellingIndex>? tagSpellings = null)
{
    private readonly KeywordWeights w = weights ?? new KeywordWeights();

    /// <summary>Text fields a free word is looked up in, with their weight in the score.</summary>
    private (string Field, float Boost)[] TextFields => field ??=
    [
        (PaperFields.Title, w.Title),
        (PaperFields.Abstract, w.Abstract),
        (PaperFields.English, w.English),
        (PaperFields.Korean, w.Korean),
        (PaperFields.Authors, w.Authors),
        (PaperFields.AllText, w.AllText),
    ];

    /// <summary>
    /// Fields where a Korean word's English equivalent is looked for: the English ones, and the Korean
    /// commentary too, since it quotes English terms ("Transformer를").
    /// </summary>
    private (string Field, float Boost)[] EnglishFields => field ??=
    [
        (PaperFields.Title, w.Title),
        (PaperFields.Abstract, w.Abstract),
        (PaperFields.English, w.English),
        (PaperFields.Korean, w.Korean),
        (PaperFields.AllText, w.AllText),
    ];

    /// <summary>Fields where an English word's Korean equivalent is looked for.</summary>
    private (string Field, float Boost)[] KoreanFields => field ??= [(PaperFields.Korean, w.Korean), (PaperFields.AllText, w.AllText)];

    private readonly QueryBuilder builder = new(analyzer);
    private readonly QueryTextSplitter splitter = new();

    /// <summary>
    /// The scoring query for <paramref name="clauses"/>; null when there is no positive text to score.
    /// <paramref name="wordsToMatch"/> overrides <see cref="KeywordWeights.MinimumShouldMatch"/>.
    /// </summary>
    public Query? BuildScoring(IReadOnlyList<QueryClause> clauses, string? wordsToMatch = null)
    {
        var query = new BooleanQuery();
        var words = string.Join(' ', clauses.Where(c => c is { Field: ClauseField.Any, IsPhrase: false, IsExcluded: false }).Select(c => c.Text));
        if (words.Length > 0 && FreeText(words, wordsToMatch ?? w.MinimumShouldMatch) is { } free) query.Add(free, Occur.SHOULD);
        foreach (var clause in clauses.Where(c => c.IsPhrase || c.Field != ClauseField.Any))
        {
            var part = ClauseQuery(clause);
            if (part is null)
            {
                // A required clause that analyzes to nothing (a stop word, punctuation) cannot match anything.
                if (!clause.IsExcluded) return new BooleanQuery();
                continue;
            }
            query.Add(part, clause.IsExcluded ? Occur.MUST_NOT : Occur.MUST);
        }
        foreach (var clause in clauses.Where(c => c is { Field: ClauseField.Any, IsPhrase: false, IsExcluded: true }))
            if (ClauseQuery(clause) is { } excluded) query.Add(excluded, Occur.MUST_NOT);
        // Words that analyze to nothing (one token longer than the tokenizer keeps, say) match nothing, not everything.
        if (query.Clauses.Count == 0) return words.Length > 0 ? new BooleanQuery() : null;
        // A purely negative query matches nothing in Lucene; anchor it on every paper (papers only, at a constant
        // score as every document matched before: so no scoring query can match a file record).
        if (query.Clauses.All(c => c.Occur == Occur.MUST_NOT)) query.Add(new ConstantScoreQuery(PapersOnly()), Occur.MUST);
        return query;
    }

    /// <summary>
    /// The clauses that restrict rather than rank: phrases and field prefixes that must match, words that must
    /// not. Null when the query has only free words.
    /// </summary>
    public Query? BuildRestrictions(IReadOnlyList<QueryClause> clauses)
    {
        var restricting = clauses.Where(c => c.IsPhrase || c.IsExcluded || c.Field != ClauseField.Any).ToList();
        return restricting.Count == 0 ? null : BuildScoring(restricting);
    }

    /// <summary>Whether the request has filters of its own, beyond keeping to papers.</summary>
    public static bool HasFilters(SearchRequest request) => request.Authors.Count > 0 || request.Tags.Count > 0 || request.From is not null || request.To is not null;

    private static TermQuery PapersOnly() => new(new Term(PaperFields.Kind, PaperFields.PaperKind));

    /// <summary>The filter every search applies: only papers, and the request's authors, tags and dates.</summary>
    public Query BuildFilter(SearchRequest request)
    {
        var filter = new BooleanQuery { { PapersOnly(), Occur.MUST } };
        foreach (var author in request.Authors)
            filter.Add(AuthorQuery(author) ?? new BooleanQuery(), Occur.MUST);
        foreach (var tag in request.Tags)
            filter.Add(TagQuery(tag), Occur.MUST);
        if (request.From is not null || request.To is not null)
            filter.Add(NumericRangeQuery.NewInt32Range(PaperFields.Date, ToDay(request.From), ToDay(request.To), true, true), Occur.MUST);
        return filter;
    }

    /// <summary>
    /// Free words: filler dropped, every word looked up in every text field, and each dictionary term's
    /// equivalent in the other language added at a lower boost, so a typed term outranks a translated one.
    /// </summary>
    private Query? FreeText(string text, string wordsToMatch)
    {
        var parts = splitter.Split(text);
        var content = string.Join(' ', parts.Hangul.Concat(parts.Latin));
        // A query made only of filler ("논문", "what is the paper") still means something: search its words.
        if (content.Length == 0) content = text;
        var analysed = new AnalyzedQueries(analyzer, builder);
        var query = new BooleanQuery();
        foreach (var (field, boost) in TextFields.Where(f => f.Boost > 0))
            AddShould(query, analysed.Words(field, content, Occur.SHOULD), boost);
        var expansions = expansion?.Expand(content) ?? [];
        foreach (var term in expansions)
        {
            var fields = term.TargetLanguage == TermExpansion.English ? EnglishFields : KoreanFields;
            foreach (var (field, boost) in fields.Where(f => f.Boost > 0))
                AddShould(query, analysed.Phrase(field, term.Target, 1), boost * w.Expansion * term.Weight);
        }
        if (query.Clauses.Count == 0) return null;
        return Coverage(analysed, content, expansions, wordsToMatch) is { } coverage ? new BooleanQuery { { query, Occur.MUST }, { coverage, Occur.MUST } } : query;
    }

    /// <summary>
    /// Enough of the query's words (<paramref name="wordsToMatch"/>) must be in the paper, typed
    /// or through a dictionary equivalent, so adding a word narrows the matches. Boost 0: it decides which papers
    /// match, never their order. Null when one word suffices.
    /// </summary>
    private static BooleanQuery? Coverage(AnalyzedQueries analysed, string content, IReadOnlyList<TermExpansion> expansions, string wordsToMatch)
    {
        var coverage = new BooleanQuery();
        foreach (var word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var any = new BooleanQuery();
            foreach (var field in new[] { PaperFields.AllText, PaperFields.Authors })
                if (analysed.Words(field, word, Occur.SHOULD) is { } typed) any.Add(typed, Occur.SHOULD);
            foreach (var term in expansions.Where(e => e.Source.Contains(word, StringComparison.Ordinal) || word.Contains(e.Source, StringComparison.Ordinal)))
                if (analysed.Phrase(PaperFields.AllText, term.Target, 1) is { } translated) any.Add(translated, Occur.SHOULD);
            if (any.Clauses.Count > 0) coverage.Add(any, Occur.SHOULD);
        }
        var required = ShouldMatch.Required(wordsToMatch, coverage.Clauses.Count);
        if (required <= 1) return null;
        coverage.MinimumNumberShouldMatch = required;
        coverage.Boost = 0;
        return coverage;
    }

    private static void AddShould(BooleanQuery query, Query? part, float boost)
    {
        if (part is null) return;
        part.Boost = boost;
        query.Add(part, Occur.SHOULD);
    }

    private Query? ClauseQuery(QueryClause clause) => clause.Field switch
    {
        ClauseField.Tag => TagQuery(clause.Text),
        ClauseField.Author => AuthorQuery(clause.Text),
        ClauseField.Title => FieldQuery(PaperFields.Title, clause),
        ClauseField.Abstract => FieldQuery(PaperFields.Abstract, clause),
        _ => AnyTextQuery(clause),
    };

    private Query? AnyTextQuery(QueryClause clause)
    {
        var query = new BooleanQuery();
        foreach (var (field, boost) in TextFields.Where(f => f.Boost > 0))
        {
            if (FieldQuery(field, clause) is not { } part) continue;
            part.Boost = boost;
            query.Add(part, Occur.SHOULD);
        }
        return query.Clauses.Count > 0 ? query : null;
    }

    /// <summary>A phrase must appear as written; a single word of a field clause must appear (all its tokens).</summary>
    private Query? FieldQuery(string field, QueryClause clause) => clause.IsPhrase
        ? builder.CreatePhraseQuery(field, clause.Text)
        : builder.CreateBooleanQuery(field, clause.Text, Occur.MUST);

    /// <summary>Any spelling of the tag (<see cref="TagSpellings"/>).</summary>
    private Query TagQuery(string tag)
    {
        var spellings = new BooleanQuery();
        foreach (var spelling in (tagSpellings?.Invoke() ?? Unindexed).Of(tag))
            spellings.Add(new TermQuery(new Term(PaperFields.Tag, spelling)), Occur.SHOULD);
        return spellings;
    }

    private static readonly TagSpellingIndex Unindexed = new([]);

    /// <summary>Every token of the name must be in the author list: "Kakade" and "Sham Kakade" both find Sham M. Kakade.</summary>
    private Query? AuthorQuery(string name) => builder.CreateBooleanQuery(PaperFields.Authors, name, Occur.MUST);

    /// <summary>yyyyMMdd as stored in <see cref="PaperFields.Date"/>; null leaves that end of the range open.</summary>
    private static int? ToDay(DateOnly? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : null;
}
