using SearchService.Core.Notes;

namespace SearchService.Core.Related;

/// <summary>A paper related to another (or to a text), its summed score, and the signals that put it there (<see cref="RelatedReason"/>).</summary>
public sealed record RelatedPaper(Paper Paper, double Score, IReadOnlyList<string> Reasons);
