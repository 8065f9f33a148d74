using System.Numerics.Tensors;
using SearchService.Benchmarks;
using SearchService.Core;
using SearchService.Core.Search;
using SearchService.Core.Semantic;

namespace SearchService.Tests.Scale;

/// <summary>
/// The scale runs' generator and approximate vector search, small: 10,000 generated papers with their vectors (the
/// profile of the sample corpus, so it runs without ../shared), ingested as the service ingests a corpus, and the HNSW
/// index over their vectors against exact search. The million-paper runs are benchmark commands (benchmarks/README.md).
/// </summary>
public sealed class GeneratedCorpusTests : IDisposable
{
    private const int Papers = 10_000;
    private readonly IngestFolders folders = new();

    [Fact]
    public async Task TenThousandGeneratedPapersIngestAndTheirVectorsAreFoundByTheApproximateIndex()
    {
        var profile = Path.Combine(Checkout.Root()!, "index-data", "notes");
        Assert.Equal(0, await GenerateCommand.RunAsync(
            ["--papers", $"{Papers}", "--out", folders.Corpus, "--vectors", folders.Data, "--profile", profile, "--seed", "3"]));

        var (store, ingestor) = folders.Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            Assert.Equal(Papers, ingestor.Progress.FilesParsed);
            // Every note is a paper of its own (distinct arXiv ids and note names), and none was left out.
            Assert.Equal(Papers, store.PaperCount);
            Assert.Empty(ingestor.LastSkipped);
            var some = store.Papers().First();
            var hits = new KeywordSearcher(store.Index).Search(new SearchRequest { Query = some.Title, Limit = 10 });
            Assert.Contains(hits.Results, hit => hit.Id == some.Id);
        }

        var folder = Embedders.VectorFolder(Path.Combine(folders.Data, "vectors"), new SemanticOptions().Model);
        var chunkHashes = File.ReadLines(Path.Combine(folder, "chunks.tsv")).Select(line => line.Split('\t')).ToList();
        Assert.True(chunkHashes.Count >= Papers, $"{chunkHashes.Count} chunk vectors for {Papers} papers");
        using var vectors = new VectorStore(folder, SentenceModelCard.Dimensions);
        var rows = chunkHashes.Select(c => (Key: c[0], Vector: vectors.TryGet(c[1], out var v) ? v : throw new InvalidDataException(c[1]))).ToList();
        using var approximate = HnswVectorIndex.Build(rows, SentenceModelCard.Dimensions, "generated");

        var random = new Random(5);
        var recall = 0.0;
        const int Queries = 50, K = 10;
        for (var q = 0; q < Queries; q++)
        {
            var query = rows[random.Next(rows.Count)].Vector.Select(x => x + (float)(random.NextDouble() - 0.5) * 0.02f).ToArray();
            var exact = rows.OrderByDescending(row => TensorPrimitives.CosineSimilarity(row.Vector, query)).Take(K).Select(row => row.Key).ToHashSet();
            recall += approximate.Search(query, K).Count(hit => exact.Contains(hit.Key)) / (double)K;
        }
        Assert.True(recall / Queries >= 0.95, $"recall@10 {recall / Queries:F3} against exact search");
    }

    public void Dispose() => folders.Dispose();
}
