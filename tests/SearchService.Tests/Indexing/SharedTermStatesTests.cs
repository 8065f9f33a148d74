using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Tests.Indexing;

public sealed class SharedTermStatesTests
{
    [Fact]
    public void QueriesOnOneSnapshotLookATermUpOnceAndANewSnapshotAgain()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        writer.AddDocument(new Document { new TextField("body", "graph attention", Field.Store.NO) });
        writer.Commit();
        using var first = DirectoryReader.Open(directory);
        var term = new Term("body", "attention");
        var lookups = 0;
        TermContext LookUp(IndexReader reader) { lookups++; return TermContext.Build(reader.Context, term); }

        var once = SnapshotTermStates.Of(first, term, _ => LookUp(first));
        var again = SnapshotTermStates.Of(first, term, _ => LookUp(first));
        Assert.Same(once, again);
        Assert.Equal(1, lookups);
        Assert.Equal(1, new SharedTermStates(first).DocFreq(term));

        writer.AddDocument(new Document { new TextField("body", "sparse attention", Field.Store.NO) });
        writer.Commit();
        using var second = DirectoryReader.Open(directory);
        Assert.Equal(2, SnapshotTermStates.Of(second, term, _ => LookUp(second)).DocFreq);
        Assert.Equal(2, lookups);
        Assert.Equal(2, new SharedTermStates(second).DocFreq(term));
        Assert.Equal(1, new SharedTermStates(first).DocFreq(term));
    }

    [Fact]
    public void SharedStatisticsScoreAsLuceneLooksThemUp()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            for (var i = 0; i < 40; i++)
            {
                writer.AddDocument(new Document { new TextField("body", i % 3 == 0 ? "graph attention" : i % 3 == 1 ? "attention attention" : "graph", Field.Store.NO) });
                if (i % 15 == 14) writer.Commit();
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = PaperIndex.Similarity };
        var query = new BooleanQuery { { new TermQuery(new Term("body", "graph")), Occur.SHOULD }, { new TermQuery(new Term("body", "attention")), Occur.SHOULD } };
        var expected = searcher.Search(query, 40).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();

        // The second query reads what the first one looked up.
        for (var i = 0; i < 2; i++)
            Assert.Equal(expected, searcher.Search(new SharedTermStates(reader).Apply(query), 40).ScoreDocs.Select(d => (d.Doc, d.Score)));
    }
}
