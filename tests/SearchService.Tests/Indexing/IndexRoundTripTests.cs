using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Notes;
using SearchService.Core.Store;

namespace SearchService.Tests.Indexing;

/// <summary>What goes into the index comes back out: papers, file records, and both across a reopen.</summary>
public sealed class IndexRoundTripTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));

    private static readonly Paper Full = new()
    {
        Id = "2410.19034",
        Title = "Mixture of Parrots",
        Authors = ["Samy Jelassi", "Sham M. Kakade"],
        Abstract = "Experts help memorization more than reasoning.",
        KoreanCommentary = "전문가 수를 늘리면 추론보다 암기가 는다.",
        EnglishCommentary = "More experts, more memorization.",
        Tags = ["MoE", "long_context"],
        Date = new DateOnly(2024, 10, 25),
        Url = "https://arxiv.org/abs/2410.19034",
        Links = ["Switch Transformers"],
        Sources = [new PaperSource("digests/241025.txt", 3), new PaperSource("notes/2024/241025 Mixture of Parrots.md")],
    };

    private static IngestedFile FileOf(Paper paper, params ParseWarning[] warnings) =>
        new("/corpus/" + paper.Id + ".md", "hash-" + paper.Id, [paper], warnings);

    private static Paper? FindById(PaperIndex index, string id)
    {
        using var lease = index.Lease();
        var hits = lease.Searcher.Search(new TermQuery(new Term(PaperFields.Id, id)), 10).ScoreDocs;
        return hits.Length == 0 ? null : PaperDocument.FromDocument(lease.Searcher.Doc(Assert.Single(hits).Doc));
    }

    [Fact]
    public void PaperDocumentRoundTripsEveryField() =>
        Assert.Equivalent(Full, PaperDocument.FromDocument(PaperDocument.ToDocument(Full)), strict: true);

    [Fact]
    public void FileDocumentRoundTripsPapersAndWarnings()
    {
        var file = FileOf(Full, new ParseWarning("missing-title", "No title line.", "notes/x.md", 4), new ParseWarning("invalid-utf8", "Bad bytes.", "notes/x.md"));
        Assert.Equivalent(file, FileDocument.FromDocument(FileDocument.ToDocument(file)), strict: true);
    }

    [Fact]
    public void CommittedPapersAndFilesSurviveAReopen()
    {
        var file = FileOf(Full, new ParseWarning("missing-title", "No title line.", "notes/x.md", 4));
        using (var index = PaperIndex.Open(folder, PaperAnalyzers.Create()))
        {
            index.PutFile(file);
            index.PutPaper(Full);
            index.Commit();
        }
        using var reopened = PaperIndex.Open(folder, PaperAnalyzers.Create());
        Assert.Equivalent(file, reopened.ReadFile(file.Key), strict: true);
        Assert.Equivalent(FileIdentity.Of(file), Assert.Single(reopened.ReadFileIdentities()), strict: true);
        Assert.Equivalent(Full, FindById(reopened, Full.Id), strict: true);
        Assert.Equal(["long-context", "moe"], reopened.Tags().Order());
    }

    [Fact]
    public void PutReplacesThePaperAndTheFileWithTheSameKey()
    {
        using var index = PaperIndex.InMemory(PaperAnalyzers.Create());
        index.PutPaper(Full);
        index.PutFile(FileOf(Full));
        index.PutPaper(Full with { Title = "Mixture of Parrots, revised" });
        index.PutFile(FileOf(Full) with { Hash = "hash-2" });
        index.Refresh();
        Assert.Equal("Mixture of Parrots, revised", FindById(index, Full.Id)!.Title);
        Assert.Equal("hash-2", Assert.Single(index.ReadFileIdentities()).Hash);
    }

    [Fact]
    public void DeletedPaperAndFileStayDeletedAfterAReopen()
    {
        using (var index = PaperIndex.Open(folder, PaperAnalyzers.Create()))
        {
            index.PutPaper(Full);
            index.PutFile(FileOf(Full));
            index.Commit();
            index.DeletePaper(Full.Id);
            index.DeleteFile(FileOf(Full).Key);
            index.Commit();
        }
        using var reopened = PaperIndex.Open(folder, PaperAnalyzers.Create());
        Assert.Null(FindById(reopened, Full.Id));
        Assert.Empty(reopened.ReadFileIdentities());
    }

    [Fact]
    public void WritesAreSearchableAfterRefreshWithoutACommit()
    {
        using var index = PaperIndex.InMemory(PaperAnalyzers.Create());
        index.PutPaper(Full);
        Assert.Null(FindById(index, Full.Id));
        index.Refresh();
        Assert.NotNull(FindById(index, Full.Id));
    }

    [Fact]
    public void ReopenedStoreFindsPapersByIdNoteNameAndArxivReference()
    {
        using (var store = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create())))
        {
            store.Put(FileOf(Full));
            store.Commit();
        }
        using var reopened = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create()));
        Assert.Equal(1, reopened.PaperCount);
        Assert.Equal(Full.Id, reopened.Find("241025 Mixture of Parrots")?.Id);
        Assert.Equal(Full.Id, reopened.Find("arXiv:2410.19034v2")?.Id);
        Assert.Equivalent(Full, reopened.Find(Full.Id), strict: true);
    }

    [Fact]
    public void AnIndexWrittenByLucenesOwnCodecOpensHighlightsAndIsRewrittenInThePaperCodec()
    {
        // An index from before the paper codec: Lucene 4.6's codec, compressed term vectors with positions.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, PaperAnalyzers.Create())
               { Codec = new Lucene.Net.Codecs.Lucene46.Lucene46Codec() }))
        {
            var document = PaperDocument.ToDocument(Full);
            writer.AddDocument(document);
            writer.Commit();
        }
        using var index = PaperIndex.Open(folder, PaperAnalyzers.Create());
        Assert.True(index.HasSegmentsOfAnotherCodec);

        var searcher = new Core.Search.KeywordSearcher(index);
        var query = searcher.Prepare("memorization");
        var paper = FindById(index, Full.Id)!;
        var before = searcher.Highlights(query, [paper]).Single();
        Assert.Contains(before, h => h.Snippet.Contains("<mark>memorization</mark>", StringComparison.Ordinal));

        // Already one segment: the merge rewrites it because of its codec.
        index.MergeSegments(1);
        index.Commit();
        Assert.Equal(1, index.SegmentCount);
        Assert.False(index.HasSegmentsOfAnotherCodec);
        var segments = new SegmentInfos();
        using var folderDirectory = Lucene.Net.Store.FSDirectory.Open(folder);
        segments.Read(folderDirectory);
        Assert.Equal(PaperCodec.CodecName, Assert.Single(segments.Segments).Info.Codec.Name);
        Assert.Equal(before, searcher.Highlights(query, [paper]).Single());
    }

    [Fact]
    public void AnIndexWhoseOffsetsAreInTermVectorsHighlightsAsTheAnalysisDoes()
    {
        WriteWithTermVectors(FileOf(Full));
        AssertHighlightsFromTermVectors();
    }

    [Fact]
    public void AnIndexWhoseOffsetsAreInTermVectorsIsWrittenAgainWithOffsetsInThePostings()
    {
        var stamp = new FileStamp(1234, new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).Ticks);
        WriteWithTermVectors(FileOf(Full) with { Stamp = stamp });
        using (var index = PaperIndex.Open(folder, PaperAnalyzers.Create()))
        {
            Assert.True(SnippetOffsetsUpgrade.NeedsIt(index));
            Assert.Equal(2, SnippetOffsetsUpgrade.Run(index)); // the paper and its file record
            Assert.False(SnippetOffsetsUpgrade.NeedsIt(index));
            Assert.Equal(0, SnippetOffsetsUpgrade.Run(index));
        }
        using var reopened = new PaperStore(PaperIndex.Open(folder, PaperAnalyzers.Create()));
        Assert.False(SnippetOffsetsUpgrade.NeedsIt(reopened.Index));
        Assert.Equal(1, reopened.PaperCount);
        Assert.Equivalent(Full, reopened.Find(Full.Id), strict: true);
        Assert.Equal(stamp, reopened.FileStampOf(FileOf(Full).Key));
        var searcher = new Core.Search.KeywordSearcher(reopened.Index);
        var query = searcher.Prepare("memorization 암기 parrots");
        Assert.Equal(new Core.Search.SnippetHighlighter(reopened.Index.Analyzer).For(query.Highlight, Full), searcher.Highlights(query, [Full]).Single());
    }

    /// <summary>An index as versions before offsets moved into the postings wrote it: the snippet fields kept them in term vectors.</summary>
    private void WriteWithTermVectors(IngestedFile file)
    {
        var vectors = new Lucene.Net.Documents.FieldType(Lucene.Net.Documents.TextField.TYPE_NOT_STORED)
        {
            StoreTermVectors = true,
            StoreTermVectorOffsets = true,
        };
        using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, PaperAnalyzers.Create()) { Codec = new PaperCodec() });
        foreach (var paper in file.Papers)
        {
            var document = PaperDocument.ToDocument(paper);
            (string Field, string Text)[] snippetFields =
                [(PaperFields.Title, paper.Title), (PaperFields.Abstract, paper.Abstract), (PaperFields.English, paper.EnglishCommentary), (PaperFields.Korean, paper.KoreanCommentary)];
            foreach (var (field, text) in snippetFields)
            {
                document.RemoveFields(field);
                document.Add(new Lucene.Net.Documents.Field(field, text, vectors));
            }
            writer.AddDocument(document);
        }
        writer.AddDocument(FileDocument.ToDocument(file));
        writer.Commit();
    }

    private void AssertHighlightsFromTermVectors()
    {
        using var index = PaperIndex.Open(folder, PaperAnalyzers.Create());
        var searcher = new Core.Search.KeywordSearcher(index);
        var query = searcher.Prepare("memorization 암기 parrots");
        var paper = FindById(index, Full.Id)!;
        using (var lease = index.Lease())
            Assert.NotEqual(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, lease.Searcher.IndexReader.Leaves[0].AtomicReader.FieldInfos.FieldInfo(PaperFields.Title).IndexOptions);
        var fromVectors = searcher.Highlights(query, [paper]).Single();
        Assert.Equal(3, fromVectors.Count);
        Assert.Equal(new Core.Search.SnippetHighlighter(index.Analyzer).For(query.Highlight, paper), fromVectors);
    }

    [Fact]
    public void PaperSimilarityScoresExactlyAsLucenesBm25()
    {
        using var index = PaperIndex.InMemory(PaperAnalyzers.Create());
        index.PutPaper(Full);
        index.PutPaper(Full with { Id = "2401.00001", Title = "Parrots and experts", Abstract = "Reasoning with many experts, and memorization of parrots." });
        index.PutPaper(Full with { Id = "2401.00002", Title = "Something else", Abstract = "A long abstract about other things entirely, with memorization once." });
        index.Refresh();
        var searcher = new Core.Search.KeywordSearcher(index);
        var query = searcher.Prepare("memorization parrots experts 암기").Scoring!;
        using var lease = index.Lease();
        var ours = new IndexSearcher(lease.Searcher.IndexReader) { Similarity = new PaperSimilarity() }.Search(query, 10).ScoreDocs;
        var lucenes = new IndexSearcher(lease.Searcher.IndexReader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() }.Search(query, 10).ScoreDocs;
        Assert.Equal(3, ours.Length);
        Assert.Equal(lucenes.Select(d => (d.Doc, d.Score)), ours.Select(d => (d.Doc, d.Score)));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
