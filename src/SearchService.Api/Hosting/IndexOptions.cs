using SearchService.Core.Ingestion;

namespace SearchService.Api.Hosting;

/// <summary>Where the corpus and the index live, bound from the "Index" configuration section.</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>Folders of notes and digests to index and watch. Default: the sample corpus under index-data/.</summary>
    public List<string> Corpus { get; set; } = [];

    /// <summary>The index folder. Default: index-data/index (git-ignored).</summary>
    public string? Data { get; set; }

    /// <summary>
    /// Folder of the papers written through the API, one JSON file each. Default: <c>api-records</c> inside the data
    /// folder, this instance's own. Set to a folder several instances share, and each follows it (at start, on
    /// changes and on rescans): one instance takes writes (the one with <c>Api:Key</c>), the others serve them too.
    /// </summary>
    public string? ApiRecords { get; set; }

    /// <summary>
    /// Extra synonym files, added to the built-in Korean-English dictionary: one entry a line,
    /// "korean&lt;TAB&gt;english|english…", or Elasticsearch's "a, b =&gt; c" and "a, b, c".
    /// </summary>
    public List<string> SynonymFiles { get; set; } = [];

    /// <summary>
    /// How much a Hangul word's loanword match (미스트랄 → mistral, <c>LoanwordExpansion</c>) counts, as a share of a
    /// dictionary entry, in keyword search. 0 (default) turns loanword matching off: with the field lexicon in place it
    /// moved the held-out hybrid figure by -0.003 at 0.5, the weight chosen on dev (benchmarks/README.md, issue 9).
    /// </summary>
    public float LoanwordWeight { get; set; }

    /// <summary>How often the corpus folders are rescanned, in addition to file-change notifications. 0 turns rescans off.</summary>
    public int RescanSeconds { get; set; } = 60;

    /// <summary>Whether to react to file changes as they happen (inotify) rather than only on rescans.</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>Parsed files between commits during an ingest pass: smaller loses less work to a crash, larger ingests faster.</summary>
    public int CommitEvery { get; set; } = CorpusIngestor.DefaultCommitEvery;

    /// <summary>
    /// When the index cannot be opened (a truncated, emptied or corrupted file): false (default) stops with a
    /// message; true moves the damaged index aside and rebuilds it from the corpus and the API records.
    /// </summary>
    public bool RebuildOnCorruption { get; set; }

    /// <summary>Note files read per pass (default 100,000); the rest are skipped with one warning line.</summary>
    public int MaxFiles { get; set; } = CorpusLimits.DefaultMaxFiles;

    /// <summary>Largest note file read, in bytes (default 5 MB); bigger files are skipped with one warning line.</summary>
    public long MaxFileBytes { get; set; } = CorpusLimits.DefaultMaxFileBytes;
}
