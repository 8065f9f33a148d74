using System.Diagnostics;
using System.Globalization;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Indexing;
using SearchService.Core.Store;

namespace SearchService.Benchmarks;

/// <summary>
/// <c>catalog-memory --corpus DIR [--files N]</c>: what the in-memory <see cref="PaperCatalog"/> costs per paper. Parses
/// the notes (up to N), measures the managed heap with only the parsed files held, then with their identities put into
/// a catalog. The catalog keeps identities only (the records stay in the index), so its share is what the service
/// holds per paper; the parsed files' share is what it held on top before the records moved to the index.
/// </summary>
public static class CatalogMemoryCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var corpus = GenerateCommand.Option(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var limit = int.Parse(GenerateCommand.Option(args, "--files") ?? "100000", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var baseline = Heap();
        var files = CorpusSnapshot.Read(corpus).Files.Take(limit).ToList();
        var parsed = Heap();
        var catalog = new PaperCatalog();
        foreach (var file in files) catalog.Put(FileIdentity.Of(file));
        var held = Heap();
        var papers = catalog.PaperIds.Count;
        var text = files.SelectMany(f => f.Papers).Sum(p => (long)p.Title.Length + p.Abstract.Length + p.KoreanCommentary.Length + p.EnglishCommentary.Length);
        Console.WriteLine($"{files.Count} files, {papers} papers ({clock.ElapsedMilliseconds} ms); UTF-16 text of the four long fields {text * 2 / papers} bytes a paper");
        Console.WriteLine($"parsed files alone: {(parsed - baseline) / papers} bytes a paper; " +
            $"the catalog (identities and maps, all the service keeps): {(held - parsed) / papers} bytes a paper " +
            $"(x 1,000,000 = {(held - parsed) / (double)papers * 1e6 / (1 << 30):F2} GiB)");
        GC.KeepAlive(files);
        GC.KeepAlive(catalog);
        return Task.FromResult(0);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
