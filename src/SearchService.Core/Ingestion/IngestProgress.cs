namespace SearchService.Core.Ingestion;

/// <summary>
/// What the last or running ingest did, for <c>/health</c>, progress bars and the logs. <see cref="FilesTotal"/>
/// is the number of note and digest files the pass found, so <see cref="FilesSeen"/> of it is how far it got.
/// </summary>
public sealed record IngestProgress(bool Running, int FilesSeen, int FilesParsed, int FilesRemoved, DateTimeOffset? LastIngest, TimeSpan? LastDuration, int FilesTotal = 0);
