using System.Globalization;

namespace SearchService.Core.Indexing;

/// <summary>
/// A pass over the corpus folders that ran to its end, recorded in the commit it ended with (Lucene's commit user
/// data), so a later start knows the index it opens was once whole and in step with the folders: it can serve it at
/// once while the new pass compares it with them, rather than call it half-built.
/// </summary>
public sealed record CorpusPass(DateTimeOffset Finished, TimeSpan Duration)
{
    private const string FinishedKey = "corpus-pass-finished";
    private const string SecondsKey = "corpus-pass-seconds";

    public IDictionary<string, string> ToCommitData() => new Dictionary<string, string>
    {
        [FinishedKey] = Finished.ToString("O", CultureInfo.InvariantCulture),
        [SecondsKey] = Duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The pass recorded in a commit's user data, or null when there is none (an index from before, or never whole).</summary>
    public static CorpusPass? FromCommitData(IDictionary<string, string>? data) =>
        data is not null
        && data.TryGetValue(FinishedKey, out var finished)
        && DateTimeOffset.TryParse(finished, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
            ? new CorpusPass(when, data.TryGetValue(SecondsKey, out var s) && double.TryParse(s, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero)
            : null;
}
