using SearchService.Core.Search;

namespace SearchService.Tests.Robustness;

/// <summary>Searches running while every file of the corpus is parsed and written again.</summary>
public sealed class ConcurrentReingestTests : IDisposable
{
    private const int NoteCount = 1500;
    private readonly IngestFolders folders = new();

    private static readonly SearchRequest[] Searches =
    [
        new() { Query = "synthetic" },
        new() { Query = "attention study" },
        new() { Query = "확산 모델" },
        new() { Query = "합성 노트" },
        new() { Query = "synthetic", Tags = ["retrieval"] },
        new() { Query = "", Tags = ["synthetic"], Sort = SearchSort.Date, Limit = 50 },
        new() { Query = "study", From = new DateOnly(2023, 6, 1), To = new DateOnly(2024, 6, 1) },
        new() { Query = "synthetic", Offset = 100, Limit = 20 },
    ];

    [Fact]
    public async Task SearchesKeepAnsweringWhileEveryFileIsReingested()
    {
        var paths = SyntheticCorpus.Write(folders.Corpus, NoteCount);
        var (store, ingestor) = folders.Open();
        using (store)
        {
            await ingestor.RunAsync(CancellationToken.None);
            var papers = store.PaperCount;
            foreach (var path in paths) File.AppendAllText(path, "\nRevised after review.\n");

            var searcher = new KeywordSearcher(store.Index);
            var reingest = Task.Run(() => ingestor.RunAsync(CancellationToken.None));
            var answered = await Task.Run(() =>
            {
                var count = 0;
                while (!reingest.IsCompleted || count < Searches.Length)
                {
                    var request = Searches[count % Searches.Length];
                    var response = searcher.Search(request);
                    Assert.True(response.Results.Count > 0, $"No results for {request} during the re-ingest");
                    Assert.NotNull(store.Find(SyntheticCorpus.ArxivIdOf(count % NoteCount)));
                    count++;
                }
                return count;
            }).WaitAsync(TimeSpan.FromMinutes(2));
            await reingest;

            Assert.Equal(NoteCount, ingestor.Progress.FilesParsed);
            Assert.Equal(papers, store.PaperCount);
            Assert.Equal(papers, searcher.Search(new SearchRequest { Query = "revised" }).Total);
            Assert.True(answered >= Searches.Length);
        }
    }

    public void Dispose() => folders.Dispose();
}
