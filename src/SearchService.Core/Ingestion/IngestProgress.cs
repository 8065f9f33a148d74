namespace SearchService.Core.Ingestion;

/// <summary>What the last or running ingest did, for <c>/health</c> and the logs.</summary>
public sealed record IngestProgress(bool Running, int FilesSeen, int FilesParsed, int FilesRemoved, DateTimeOffset? LastIngest, TimeSpan? LastDuration);
