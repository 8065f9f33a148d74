namespace SearchService.Core.Ingestion;

/// <summary>Bounds of one corpus pass, so a hostile or mistaken folder cannot exhaust memory or time.</summary>
/// <param name="MaxFiles">Note files read per pass; the rest are skipped with a warning.</param>
/// <param name="MaxFileBytes">Largest note file read; bigger files are skipped with a warning.</param>
public sealed record CorpusLimits(int MaxFiles = CorpusLimits.DefaultMaxFiles, long MaxFileBytes = CorpusLimits.DefaultMaxFileBytes)
{
    public const int DefaultMaxFiles = 100_000;
    public const long DefaultMaxFileBytes = 5 * 1024 * 1024;
}
