using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// Keeps the translations <see cref="TranslationLexicon"/> learned in a file beside the index, so a restart over
/// an unchanged corpus loads them instead of spending seconds of EM again. The file is keyed by a hash of
/// everything the learning reads (the commentaries of the notes that have both, the hand dictionary, the
/// settings): when any of it changes the key differs and the lexicon is learned again. The file is written
/// to a temporary name and renamed, so a crash never leaves half a file under the real name; a file that is
/// damaged anyway (truncated, edited, of an older format) fails its checksum and is ignored and rewritten.
/// </summary>
public sealed class LearnedLexiconCache(string path)
{
    // Part of the key: bump it when the learning or the file format changes, so old files are relearned.
    private const string Format = "searchservice-learned-lexicon-v2";

    /// <summary>The file the lexicon is kept in.</summary>
    public string Path { get; } = path;

    /// <summary>Whether the last <see cref="GetOrLearn"/> loaded the file rather than learning.</summary>
    public bool LastLoaded { get; private set; }

    /// <summary>The lexicon of <paramref name="papers"/>: read from the file when its key matches, else learned and saved.</summary>
    /// <param name="papers">Every paper; walked once for the key and, when the file does not match, once more to learn.</param>
    public IReadOnlyList<LearnedTranslation> GetOrLearn(IEnumerable<Paper> papers, TerminologyMap known, double minProbability)
    {
        var key = KeyOf(papers, known, minProbability);
        if (TryLoad(key) is { } cached)
        {
            LastLoaded = true;
            return cached;
        }
        var learned = TranslationLexicon.Learn(papers, known, minProbability: minProbability);
        LastLoaded = false;
        try
        {
            Save(key, learned);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written (full disk, read-only folder) only costs the next start a relearn.
        }
        return learned;
    }

    /// <summary>
    /// A hash of every input of <see cref="TranslationLexicon.Learn"/>; papers are taken in id order, so listing order does
    /// not matter. Each paper is hashed as it is walked and only its id and hash are kept for the ordering, not its text.
    /// </summary>
    internal static string KeyOf(IEnumerable<Paper> papers, TerminologyMap known, double minProbability)
    {
        var notes = new List<(string Id, byte[] Hash)>();
        foreach (var paper in papers.Where(p => p.KoreanCommentary.Length > 0 && p.EnglishCommentary.Length > 0))
            notes.Add((paper.Id, SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', paper.Id, paper.KoreanCommentary, paper.EnglishCommentary)))));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + '\0'));
        Add(Format);
        Add(known.Fingerprint);
        Add(minProbability.ToString("R", CultureInfo.InvariantCulture));
        foreach (var (_, note) in notes.OrderBy(n => n.Id, StringComparer.Ordinal)) hash.AppendData(note);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The lexicon stored under <paramref name="key"/>; null when the file is missing, of another key, or damaged.</summary>
    internal IReadOnlyList<LearnedTranslation>? TryLoad(string key)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // Line 1: format, key, entry count and the hash of the entry lines, so truncation or an edit shows.
        var header = lines.FirstOrDefault()?.Split('\t');
        if (header is not [Format, var fileKey, var countText, var bodyHash] || fileKey != key
            || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != lines.Length - 1
            || bodyHash != ContentHash.Of(string.Join('\n', lines.Skip(1))))
        {
            return null;
        }
        var learned = new List<LearnedTranslation>(count);
        foreach (var line in lines.Skip(1))
        {
            if (line.Split('\t') is not [var korean, var english, var p, var n]
                || !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var probability)
                || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var notes))
            {
                return null;
            }
            learned.Add(new LearnedTranslation(korean, english, probability, notes));
        }
        return learned;
    }

    /// <summary>Writes the lexicon under <paramref name="key"/>: to a temporary file first, then renamed over the old one.</summary>
    internal void Save(string key, IReadOnlyList<LearnedTranslation> learned)
    {
        var body = learned.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Korean}\t{l.English}\t{l.Probability:R}\t{l.Notes}")).ToList();
        var header = string.Join('\t', Format, key, body.Count.ToString(CultureInfo.InvariantCulture), ContentHash.Of(string.Join('\n', body)));
        var temporary = Path + ".tmp";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(string.Join('\n', body.Prepend(header)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
