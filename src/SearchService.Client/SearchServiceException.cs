using System.Net;

namespace SearchService.Client;

/// <summary>
/// The service answered with an error. Carries its ProblemDetails: <see cref="Status"/>, <see cref="Title"/>,
/// <see cref="Detail"/> and, for a 400, the message for each bad parameter in <see cref="Errors"/>.
/// </summary>
public sealed class SearchServiceException(
    HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail is null ? $"{(int)status} {title}" : $"{(int)status} {title}: {detail}")
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    /// <summary>Messages keyed by parameter or field name; empty unless the request was invalid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();
}
