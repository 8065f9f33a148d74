using System.Diagnostics;
using SearchService.Core;
using SearchService.Core.Indexing;
using SearchService.Core.Store;

namespace SearchService.Api.Hosting;

/// <summary>
/// Opens the store at start. A damaged index stops the service with <see cref="DamagedIndexException"/> (one
/// line naming the folder and the way out), or, with <see cref="IndexOptions.RebuildOnCorruption"/>, is moved
/// aside into a "damaged-…" folder and rebuilt from the corpus. Either way the API's records are then put back
/// from their own folder (<see cref="ApiRecordFolder"/>), which the corpus cannot rebuild.
/// </summary>
public static class StoreOpener
{
    public static PaperStore Open(IndexOptions options, ILogger logger)
    {
        var folder = IndexPaths.DataFolder(options);
        PaperStore store;
        try
        {
            store = OpenIndex(folder, logger);
        }
        catch (Exception e) when (e is not (IndexLockedException or UnauthorizedAccessException or OutOfMemoryException))
        {
            if (!options.RebuildOnCorruption) throw new DamagedIndexException(folder, e);
            var aside = MoveAside(folder);
            logger.LogWarning("The index in {Folder} was damaged ({Reason}); moved it to {Aside} and rebuilding it from the corpus",
                folder, e.Message.Split('\n', 2)[0], aside);
            store = OpenIndex(folder, logger);
        }
        var records = IndexPaths.ApiRecords(options);
        try
        {
            var restored = IndexPaths.FollowsApiRecords(options) ? records.FollowInto(store) : records.RestoreInto(store);
            if (restored > 0) logger.LogInformation("Restored {Count} API records from {Folder}", restored, records.Folder);
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            // A full disk at start: serve what the index holds; the records stay in their folder for the next start.
            store.ReportStorageFault(e.Message);
            logger.LogWarning("API records in {Folder} could not be restored now: {Reason}", records.Folder, e.Message);
        }
        return store;
    }

    private static PaperStore OpenIndex(string folder, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        var index = PaperIndex.Open(folder, PaperAnalyzers.Create(), checkIntegrity: false);
        var opened = clock.ElapsedMilliseconds;
        try
        {
            // The two costs of a start that grow with the corpus: the checksum pass reads every index file, the catalog
            // one column of it. On two cores at once; nothing is served before both are done.
            var checkClock = Stopwatch.StartNew();
            var check = DedicatedThread.Run(() =>
            {
                index.CheckIntegrity();
                checkClock.Stop();
            });
            PaperStore store;
            try
            {
                store = new PaperStore(index);
            }
            catch
            {
                // A damaged file is best named by the checksum pass, not by whatever the catalog tripped over.
                check.GetAwaiter().GetResult();
                throw;
            }
            var catalog = clock.ElapsedMilliseconds - opened;
            check.GetAwaiter().GetResult();
            logger.LogInformation("Index opened in {Opened} ms; checked in {Checked} ms beside the catalog of {Files} files, loaded in {Catalog} ms; both done after {Total} ms",
                opened, checkClock.ElapsedMilliseconds, store.FileCount, catalog, clock.ElapsedMilliseconds);
            // After the checksum pass, so a damaged index is named as such rather than failing half-way through a rewrite.
            var upgradeClock = Stopwatch.StartNew();
            var upgraded = SnippetOffsetsUpgrade.Run(index);
            if (upgraded > 0)
                logger.LogInformation("Wrote {Count} documents of an index from an earlier version again in {Elapsed} ms, so their snippets read offsets from the postings (once)",
                    upgraded, upgradeClock.ElapsedMilliseconds);
            return store;
        }
        catch
        {
            index.CloseWithoutCommit();
            throw;
        }
    }

    /// <summary>Moves the index files (not the vectors cache, the API records or earlier damaged copies) into a new folder beside them.</summary>
    private static string MoveAside(string folder)
    {
        var aside = Path.Combine(folder, $"damaged-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(aside);
        foreach (var file in Directory.EnumerateFiles(folder))
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        return aside;
    }
}
