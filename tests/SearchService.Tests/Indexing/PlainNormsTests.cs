using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Tests.Indexing;

public sealed class PlainNormsTests
{
    [Fact]
    public void EachSegmentsCopyHoldsLucenesNormOfEveryDocumentAndServesLaterSnapshots()
    {
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using var writer = new IndexWriter(directory, config);
        var random = new Random(4);
        for (var i = 0; i < 120; i++)
        {
            writer.AddDocument(new Document
            {
                new TextField("text", string.Join(' ', Enumerable.Repeat("word", 1 + random.Next(60))), Field.Store.NO),
                new StringField("id", $"d{i}", Field.Store.NO),
            });
            if (i % 40 == 39) writer.Commit();
        }
        using var first = DirectoryReader.Open(directory);
        Assert.Equal(3, first.Leaves.Count);

        PlainNorms.Warm(first);

        foreach (var leaf in first.Leaves)
        {
            var segment = leaf.AtomicReader;
            var lucenes = segment.GetNormValues("text");
            var plain = PlainNorms.Of(segment, "text")!;
            Assert.Equal(segment.MaxDoc, plain.Length);
            Assert.All(Enumerable.Range(0, segment.MaxDoc), doc => Assert.Equal((byte)lucenes.Get(doc), plain[doc]));
            Assert.True(plain.Distinct().Count() > 1);
            Assert.Null(PlainNorms.Of(segment, "id"));
        }
        writer.AddDocument(new Document { new TextField("text", "one more", Field.Store.NO) });
        writer.Commit();
        using var second = DirectoryReader.OpenIfChanged(first)!;
        Assert.Same(PlainNorms.Of(first.Leaves[0].AtomicReader, "text"), PlainNorms.Of(second.Leaves[0].AtomicReader, "text"));
    }
}
