namespace SearchService.Core.Semantic;

/// <summary>
/// How far the running or last embedding pass got, counted in texts (a paper has one or two).
/// <see cref="Synced"/> turns true once a pass has finished, so "nothing to do yet" and "done" differ.
/// </summary>
public sealed record EmbeddingProgress(bool Running, int Done, int Total, bool Synced);
