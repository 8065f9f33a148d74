using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Search;

namespace SearchService.Tests.Search;

public sealed class OrQueryTests
{
    private static readonly string[] Fields = ["a", "b", "c"];
    private static readonly string[] Words = ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"];

    public static TheoryData<string> Similarities => ["bm25", "tf-idf"];

    [Theory]
    [MemberData(nameof(Similarities))]
    public void MatchesAndScoresAreLuceneBooleanQuerysToTheLastBit(string similarity)
    {
        using var directory = RandomIndex();
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count >= 3);
        var searcher = new IndexSearcher(reader) { Similarity = similarity == "bm25" ? PaperIndex.Similarity : new DefaultSimilarity() };
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var boolean = RandomQuery(random, depth: 0);
            var expected = InOrder(searcher, boolean);
            var actual = InOrder(searcher, OrQuery.Of(boolean));

            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, BitConverter.SingleToInt32Bits(d.Score))),
                actual.ScoreDocs.Select(d => (d.Doc, BitConverter.SingleToInt32Bits(d.Score))));
        }
    }

    [Theory]
    [MemberData(nameof(Similarities))]
    public void AFilterOfAtLeastSoManyClausesMatchesAsLuceneAndAddsNothingToTheScore(string similarity)
    {
        using var directory = RandomIndex();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = similarity == "bm25" ? PaperIndex.Similarity : new DefaultSimilarity() };
        var random = new Random(17);
        var filters = 0;
        var matched = 0;
        for (var i = 0; i < 300; i++)
        {
            // The keyword query's shape: a scoring part, and a boost-0 clause requiring some of the words.
            var atLeast = new BooleanQuery(disableCoord: random.Next(2) == 0) { Boost = 0f };
            var clauses = 2 + random.Next(5);
            for (var c = 0; c < clauses; c++) atLeast.Add(RandomQuery(random, depth: 1), Occur.SHOULD);
            atLeast.MinimumNumberShouldMatch = 2 + random.Next(clauses);
            var boolean = new BooleanQuery { { RandomQuery(random, depth: 1), Occur.MUST }, { atLeast, Occur.MUST } };
            var expected = InOrder(searcher, boolean);
            var converted = OrQuery.Of(boolean);
            filters += converted is BooleanQuery { Clauses: [_, { Query: AtLeastQuery }] } ? 1 : 0;
            var actual = InOrder(searcher, converted);
            matched += expected.TotalHits > 0 ? 1 : 0;

            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, BitConverter.SingleToInt32Bits(d.Score))),
                actual.ScoreDocs.Select(d => (d.Doc, BitConverter.SingleToInt32Bits(d.Score))));
            var alone = searcher.Search(converted is BooleanQuery { Clauses: [_, { Query: var filter }] } ? filter : converted, reader.MaxDoc);
            Assert.Equal(searcher.Search(atLeast, reader.MaxDoc).TotalHits, alone.TotalHits);
        }
        Assert.Equal(300, filters);
        Assert.True(matched > 100, $"{matched} of 300 queries matched");
    }

    [Fact]
    public void OnlyDisjunctionsOfTwoOrMoreClausesChangeAndOthersKeepTheirShape()
    {
        var inner = new BooleanQuery { { Term("a", "w1"), Occur.SHOULD }, { Term("b", "w1"), Occur.SHOULD } };
        var withMinimum = new BooleanQuery { { Term("a", "w2"), Occur.SHOULD }, { Term("b", "w2"), Occur.SHOULD }, { Term("c", "w2"), Occur.SHOULD } };
        withMinimum.MinimumNumberShouldMatch = 2;
        var top = new BooleanQuery { { inner, Occur.MUST }, { withMinimum, Occur.MUST } };

        var converted = Assert.IsType<BooleanQuery>(OrQuery.Of(top));

        Assert.IsType<OrQuery>(converted.Clauses[0].Query);
        var kept = Assert.IsType<BooleanQuery>(converted.Clauses[1].Query);
        Assert.Equal(2, kept.MinimumNumberShouldMatch);
        Assert.Equal(top.ToString(), converted.ToString());
        Assert.Equal("(a:w1 b:w1)", OrQuery.Of(inner).ToString());
        Assert.IsType<TermQuery>(OrQuery.Of(Term("a", "w1")));
        withMinimum.Boost = 0;
        var filter = Assert.IsType<AtLeastQuery>(OrQuery.Of(withMinimum));
        Assert.Equal(withMinimum.ToString(), filter.ToString());
    }

    [Fact]
    public void ExplainsTheScoreItGives()
    {
        using var directory = RandomIndex();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = PaperIndex.Similarity };
        var query = OrQuery.Of(new BooleanQuery
        {
            { new BooleanQuery { { Term("a", "w1"), Occur.SHOULD }, { Term("b", "w2"), Occur.SHOULD } }, Occur.SHOULD },
            { new TermQuery(new Term("c", "w3")) { Boost = 2.5f }, Occur.SHOULD },
        });

        var hits = searcher.Search(query, 20).ScoreDocs;

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var explanation = searcher.Explain(query, hit.Doc);
            Assert.True(explanation.IsMatch);
            Assert.Equal(hit.Score, explanation.Value, 1e-5f);
        }
    }

    /// <summary>
    /// Every match, scored in document order as <see cref="SlicedSearch"/> scores (left to choose, Lucene scores a pure
    /// disjunction with its bucketed BooleanScorer, which sums in another order).
    /// </summary>
    private static TopDocs InOrder(IndexSearcher searcher, Query query)
    {
        var collector = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: true);
        searcher.Search(query, collector);
        return collector.GetTopDocs();
    }

    private static TermQuery Term(string field, string word) => new(new Term(field, word));

    /// <summary>Nested SHOULD, MUST and MUST_NOT clauses with boosts and minimums, as a keyword query nests them.</summary>
    private static Query RandomQuery(Random random, int depth)
    {
        if (depth >= 3 || random.Next(3) == 0)
            return new TermQuery(new Term(Fields[random.Next(Fields.Length)], Words[random.Next(Words.Length)])) { Boost = 0.5f + random.Next(8) / 2f };
        var query = new BooleanQuery(disableCoord: random.Next(2) == 0) { Boost = random.Next(4) == 0 ? 0f : 0.5f + random.Next(4) };
        var clauses = 1 + random.Next(5);
        for (var i = 0; i < clauses; i++)
        {
            var roll = random.Next(10);
            query.Add(RandomQuery(random, depth + 1), roll < 7 ? Occur.SHOULD : roll < 9 ? Occur.MUST : Occur.MUST_NOT);
        }
        if (random.Next(4) == 0) query.MinimumNumberShouldMatch = 2;
        return query;
    }

    /// <summary>300 documents of random words in three fields, in several segments, some deleted.</summary>
    private static RAMDirectory RandomIndex()
    {
        var directory = new RAMDirectory();
        var random = new Random(5);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using var writer = new IndexWriter(directory, config);
        for (var i = 0; i < 300; i++)
        {
            var document = new Document { new StringField("id", $"d{i}", Field.Store.NO) };
            foreach (var field in Fields)
            {
                var length = random.Next(12);
                document.Add(new TextField(field, string.Join(' ', Enumerable.Range(0, length).Select(_ => Words[random.Next(Words.Length)])), Field.Store.NO));
            }
            writer.AddDocument(document);
            if (i % 70 == 69) writer.Commit();
        }
        for (var i = 0; i < 300; i += 13) writer.DeleteDocuments(new Term("id", $"d{i}"));
        writer.Commit();
        return directory;
    }
}
