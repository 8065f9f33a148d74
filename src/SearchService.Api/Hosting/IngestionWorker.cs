using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Ingestion;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// Indexes the corpus folders at start, then keeps the index in step with them: file-change
/// notifications trigger a pass (debounced), and a periodic rescan catches whatever notifications miss.
/// A shared API records folder (<see cref="IndexOptions.ApiRecords"/>) is followed the same way.
/// </summary>
public sealed class IngestionWorker(CorpusIngestor ingestor, PaperStore store, IOptions<IndexOptions> options, ILogger<IngestionWorker> logger) : BackgroundService
{
    private readonly ChangeSignal changed = new(TimeSpan.FromMilliseconds(500));
    private readonly ApiRecordFolder? sharedRecords = IndexPaths.FollowsApiRecords(options.Value) ? IndexPaths.ApiRecords(options.Value) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting: keyword search over what is already indexed answers meanwhile.
        await Task.Yield();
        using var watchers = options.Value.WatchFiles ? Watch() : null;
        var rescan = options.Value.RescanSeconds > 0 ? TimeSpan.FromSeconds(options.Value.RescanSeconds) : Timeout.InfiniteTimeSpan;
        var starting = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A pass over a large corpus takes seconds of one thread: not the pool's, which serves the requests meanwhile.
                // The start's pass makes the service ready and runs at normal priority; later passes are upkeep and list
                // the folders behind requests, so that searches landing in one keep both cores.
                var listBehindRequests = !starting;
                await DedicatedThread.Run(() => ingestor.RunAsync(stoppingToken, listBehindRequests));
                starting = false;
                if (sharedRecords?.FollowInto(store) is > 0 and var followed)
                    logger.LogInformation("Followed {Count} API record changes from {Folder}", followed, sharedRecords.Folder);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One bad pass must not stop the worker: the next notification or rescan tries again.
                logger.LogError(e, "Ingest pass failed");
            }
            try
            {
                await changed.WaitAsync(RescanDelay(rescan), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// How long until the next rescan: the configured interval, or ten times the last pass if that is longer, so that
    /// rescanning a large corpus (a pass over a million files takes minutes) never takes more than a tenth of a core.
    /// File-change notifications still start a pass at once.
    /// </summary>
    private TimeSpan RescanDelay(TimeSpan configured) =>
        configured == Timeout.InfiniteTimeSpan || ingestor.Progress.LastDuration is not { } last || last * 10 <= configured ? configured : last * 10;

    private CompositeDisposable Watch()
    {
        var watchers = new CompositeDisposable();
        if (sharedRecords is not null) Directory.CreateDirectory(sharedRecords.Folder);
        foreach (var root in ingestor.Roots.Append(sharedRecords?.Folder).OfType<string>().Where(Directory.Exists))
        {
            try
            {
                var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, EnableRaisingEvents = true };
                watcher.Created += (_, _) => changed.Set();
                watcher.Changed += (_, _) => changed.Set();
                watcher.Deleted += (_, _) => changed.Set();
                watcher.Renamed += (_, _) => changed.Set();
                watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                // Out of inotify watches, say: the periodic rescan still keeps the index in step.
                logger.LogWarning("Not watching {Root} for changes: {Reason}", root, e.Message);
            }
        }
        return watchers;
    }

    private sealed class CompositeDisposable : List<IDisposable>, IDisposable
    {
        public void Dispose() => ForEach(d => d.Dispose());
    }
}
