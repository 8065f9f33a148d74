namespace SearchService.Api.Hosting;

/// <summary>Access and limits of the HTTP API, bound from the "Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The key writes must carry (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>). Unset: writes are refused.</summary>
    public string? Key { get; set; }

    /// <summary>Whether reads need the key too. Default: reads are open.</summary>
    public bool ProtectReads { get; set; }

    /// <summary>Largest request body a write accepts, in bytes (default 1 MiB).</summary>
    public int MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Writes allowed per second from one client address, with bursts of twice that (default 20).</summary>
    public int WritesPerSecond { get; set; } = 20;

    /// <summary>
    /// Papers created or updated per second from one client address, with bursts of twice that (default 100):
    /// one <c>/ingest</c> of a digest counts each of its papers, so a big digest cannot bypass the write limit.
    /// </summary>
    public int PapersPerSecond { get; set; } = 100;

    /// <summary>Most papers one <c>/ingest</c> request may create (default 200; never more than a burst of <see cref="PapersPerSecond"/>).</summary>
    public int MaxPapersPerIngest { get; set; } = 200;

    /// <summary>
    /// How long the warm-up after a start may send requests to the service itself (default 10 s; 0 turns it off).
    /// See <see cref="RequestWarmUp"/>: it makes the first searches after a start as fast as later ones.
    /// </summary>
    public int WarmUpSeconds { get; set; } = 10;

    /// <summary>Most requests the warm-up sends (default 5,000; on the real corpus the time limit ends it first, after 2,000-3,000).</summary>
    public int WarmUpRequests { get; set; } = 5_000;
}
