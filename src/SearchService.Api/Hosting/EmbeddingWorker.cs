using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Ingestion;
using SearchService.Core.Semantic;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// Computes vectors in the background once keyword indexing is done, and again whenever papers change,
/// so keyword search is available at once and semantic search as the vectors arrive.
/// </summary>
public sealed class EmbeddingWorker(SemanticServices semantic, PaperStore store, CorpusIngestor ingestor, LearnedQueryTranslator lexicon, ILogger<EmbeddingWorker> logger) : BackgroundService
{
    private readonly ChangeSignal changed = new(TimeSpan.FromSeconds(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Loading the model takes a second or two: off the start-up path, on a worker thread.
            if (await Task.Run(semantic.Load, stoppingToken) is not { } vectors) return;
            store.PapersChanged += _ => changed.Set();
            // Keyword indexing first: it makes search useful within seconds, embedding takes minutes.
            while (!ingestor.Progress.FinishedInThisProcess) await Task.Delay(200, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await vectors.SyncAsync(stoppingToken);
                    // A few seconds of EM over the notes with both commentaries, after each change.
                    await Task.Run(() => lexicon.Relearn(store.Papers()), stoppingToken);
                    logger.LogInformation("{Count} query translations learned from the notes", lexicon.LearnedCount);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Embedding pass failed; keyword search is unaffected");
                }
                await changed.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Semantic search is optional: whatever breaks here (a vectors folder that is a file, a full disk)
            // turns it off with a reason in /health, and must never stop the host.
            logger.LogError(e, "Semantic search turned off; keyword search is unaffected");
            semantic.Fail($"{e.GetType().Name}: {e.Message}");
        }
    }
}
