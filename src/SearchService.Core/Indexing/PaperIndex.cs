using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Notes;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// The Lucene index with its single writer for the life of the process, and near-real-time searchers
/// built from that writer. Papers and file records live side by side (told apart by <see cref="PaperFields.Kind"/>)
/// so that one commit covers both.
/// </summary>
public sealed class PaperIndex : IDisposable
{
    private const string InstanceLockFile = "instance.lock";

    private readonly LuceneDirectory directory;
    private readonly FileStream? instanceLock;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    public Analyzer Analyzer { get; }
    public static Similarity Similarity { get; } = new PaperSimilarity();

    static PaperIndex() => PaperCodec.Register();

    /// <summary>The index folder, or null for an index in memory.</summary>
    public string? Folder { get; }

    private PaperIndex(LuceneDirectory directory, Analyzer analyzer, FileStream? instanceLock = null, string? folder = null, bool checkIntegrity = true)
    {
        Folder = folder;
        this.directory = directory;
        this.instanceLock = instanceLock;
        Analyzer = analyzer;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
            Codec = new PaperCodec(),
            MergePolicy = new PaperMergePolicy(),
        };
        try
        {
            writer = new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            instanceLock?.Dispose();
            throw new IndexLockedException(directory.ToString() ?? "index", e);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
        try
        {
            searchers = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory());
            if (checkIntegrity) CheckIntegrity();
            LastCorpusPass = CorpusPass.FromCommitData(writer.CommitData);
        }
        catch
        {
            // A damaged index: close without committing anything over it.
            writer.Rollback();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads every file of the last commit against its checksum, so a truncated or bit-flipped file is found
    /// at start, with a clear message, rather than by the first search that touches it. <see cref="Open"/> does it
    /// unless told the caller will (beside other start-up work), before trusting the index.
    /// </summary>
    public void CheckIntegrity()
    {
        using var lease = Lease();
        foreach (var leaf in lease.Searcher.IndexReader.Leaves) leaf.AtomicReader.CheckIntegrity();
    }

    /// <summary>Closes the index without a last commit: for an index found damaged after it opened.</summary>
    public void CloseWithoutCommit()
    {
        searchers.Dispose();
        writer.Rollback();
        directory.Dispose();
        instanceLock?.Dispose();
    }

    /// <summary>Opens (or creates) the index in <paramref name="folder"/>; throws <see cref="IndexLockedException"/> when another process holds it.</summary>
    /// <param name="checkIntegrity">False when the caller runs <see cref="CheckIntegrity"/> itself (and closes the index without committing when it fails).</param>
    public static PaperIndex Open(string folder, Analyzer analyzer, bool checkIntegrity = true)
    {
        System.IO.Directory.CreateDirectory(folder);
        var instanceLock = LockFolder(folder);
        try
        {
            // NativeFSLockFactory: the OS releases the lock when a process dies, so a killed instance never blocks the next one.
            var dir = new MappedDirectory(new DirectoryInfo(folder), new NativeFSLockFactory(folder));
            return new PaperIndex(dir, analyzer, instanceLock, Path.GetFullPath(folder), checkIntegrity);
        }
        catch
        {
            instanceLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes an exclusive OS lock on the folder for the life of the index. Lucene.Net's native lock alone does not
    /// keep a second process out on Linux: it opens write.lock with FileShare.Read, which .NET maps to a shared
    /// flock, so two processes both "obtain" it and write one index. FileShare.None maps to an exclusive flock,
    /// which the OS also drops when the process dies, so a killed instance still never blocks the next one.
    /// </summary>
    private static FileStream LockFolder(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, InstanceLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IndexLockedException(folder, e);
        }
    }

    /// <summary>An index in memory, for tests and benchmarks.</summary>
    public static PaperIndex InMemory(Analyzer analyzer) => new(new RAMDirectory(), analyzer);

    public SearcherLease Lease() => new(searchers);

    /// <summary>Makes recent writes visible to new leases (near-real-time; no commit needed).</summary>
    public void Refresh() => searchers.MaybeRefreshBlocking();

    /// <summary>How many segments the current searcher reads; every term of a query is looked up once per segment.</summary>
    public int SegmentCount
    {
        get
        {
            using var lease = Lease();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
    }

    /// <summary>Whether some segment was written by another codec than <see cref="PaperCodec"/> (an index from before it).</summary>
    public bool HasSegmentsOfAnotherCodec
    {
        get
        {
            using var lease = Lease();
            return lease.Searcher.IndexReader.Leaves.Any(l => l.AtomicReader is SegmentReader { SegmentInfo: var s } && !PaperMergePolicy.IsPaperCodec(s));
        }
    }

    /// <summary>
    /// Merges the index down to at most <paramref name="maxSegments"/> segments (blocking until done) and makes the
    /// result visible. Writes and searches go on meanwhile; the merge is durable with the next commit.
    /// </summary>
    public void MergeSegments(int maxSegments)
    {
        writer.ForceMerge(Math.Max(1, maxSegments), doWait: true);
        Refresh();
    }

    public void PutPaper(Paper paper) =>
        writer.UpdateDocument(new Term(PaperFields.Id, paper.Id), PaperDocument.ToDocument(paper));

    public void DeletePaper(string id) => writer.DeleteDocuments(new Term(PaperFields.Id, id));

    public void PutFile(IngestedFile file) =>
        writer.UpdateDocument(new Term(PaperFields.FileKey, file.Key), FileDocument.ToDocument(file));

    public void DeleteFile(string key) => writer.DeleteDocuments(new Term(PaperFields.FileKey, key));

    /// <summary>The last complete pass over the corpus folders recorded with a commit (this process's or an earlier one's), or null.</summary>
    public CorpusPass? LastCorpusPass { get; private set; }

    /// <summary>Records a complete pass; it is saved with the next <see cref="Commit"/>, atomically with the writes of that pass.</summary>
    public void RecordCorpusPass(CorpusPass pass)
    {
        writer.SetCommitData(pass.ToCommitData());
        LastCorpusPass = pass;
    }

    /// <summary>Durably saves everything written so far. Lucene commits are atomic: a crash leaves the previous commit.</summary>
    /// <remarks>
    /// Lucene recreates a deleted folder on write and would commit a segments file pointing at segments that
    /// went with the old folder, so the next start could not open it. A missing folder is refused instead.
    /// </remarks>
    public void Commit()
    {
        EnsureFolderIntact();
        writer.Commit();
    }

    /// <summary>False once the folder (or the lock file this process made in it) is gone; always true in memory.</summary>
    public bool IsFolderIntact => Folder is null || File.Exists(Path.Combine(Folder, InstanceLockFile));

    /// <summary>Throws <see cref="DirectoryNotFoundException"/> when the folder (or the lock file this process made in it) is gone.</summary>
    private void EnsureFolderIntact()
    {
        if (!IsFolderIntact)
            throw new DirectoryNotFoundException($"The index folder {Folder} was deleted or replaced while the service ran.");
    }

    /// <summary>Every normalized tag in the index now (a few hundred: cheap to list per query).</summary>
    public IReadOnlyList<string> Tags()
    {
        using var lease = Lease();
        var tags = new List<string>();
        var terms = MultiFields.GetTerms(lease.Searcher.IndexReader, PaperFields.Tag)?.GetEnumerator();
        while (terms?.MoveNext() == true) tags.Add(terms.Term.Utf8ToString());
        return tags;
    }

    /// <summary>The paper stored under <paramref name="id"/> in the current searcher, or null.</summary>
    public Paper? ReadPaper(string id)
    {
        using var lease = Lease();
        return StoredRecords.Paper(lease.Searcher.IndexReader, id);
    }

    /// <summary>The file record stored under <paramref name="key"/> in the current searcher (without its stamp), or null.</summary>
    public IngestedFile? ReadFile(string key)
    {
        using var lease = Lease();
        return StoredRecords.File(lease.Searcher.IndexReader, key);
    }

    /// <summary>Every paper of the current searcher, decoded one at a time; the searcher is held until the walk ends.</summary>
    public IEnumerable<Paper> ReadPapers()
    {
        using var lease = Lease();
        foreach (var paper in StoredRecords.Papers(lease.Searcher.IndexReader)) yield return paper;
    }

    /// <summary>The identity of every file of the last commit plus what this process wrote since and made visible.</summary>
    public IEnumerable<FileIdentity> ReadFileIdentities()
    {
        using var lease = Lease();
        foreach (var file in StoredRecords.FileIdentities(lease.Searcher.IndexReader)) yield return file;
    }

    /// <summary>Closes the writer with a last commit; when that cannot be saved (disk full, folder gone) the last good commit is kept instead.</summary>
    public void Dispose()
    {
        searchers.Dispose();
        try
        {
            EnsureFolderIntact();
            writer.Dispose();
        }
        catch (IOException)
        {
            // Rolling back drops what was not committed and writes nothing, so the next start opens the last good commit.
            try { writer.Rollback(); }
            catch (IOException) { }
        }
        directory.Dispose();
        instanceLock?.Dispose();
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Each new snapshot's facet arrays and new segments' norms are built here, where the writer refreshes, not in
            // the first search on it.
            FacetOrdinals.Warm(reader, PaperFields.FacetTag, PaperFields.FacetYear, PaperFields.FacetAuthor);
            PlainNorms.Warm(reader);
            return new(reader) { Similarity = Similarity };
        }
    }
}
