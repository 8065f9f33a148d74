namespace SearchService.Core.Ingestion;

/// <summary>
/// What the last or running ingest did, for <c>/health</c>, progress bars and the logs. <see cref="FilesTotal"/>
/// is the number of note and digest files the pass found, so <see cref="FilesSeen"/> of it is how far it got.
/// <see cref="LastIngest"/> may be a pass of an earlier process (recorded in the index): the index was then whole,
/// but is in step with the folders only once <see cref="FinishedInThisProcess"/>.
/// </summary>
public sealed record IngestProgress(bool Running, int FilesSeen, int FilesParsed, int FilesRemoved, DateTimeOffset? LastIngest, TimeSpan? LastDuration,
    int FilesTotal = 0, bool FinishedInThisProcess = false);
