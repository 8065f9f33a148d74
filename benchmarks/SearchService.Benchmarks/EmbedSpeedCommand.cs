using System.Diagnostics;
using System.Globalization;
using SearchService.Benchmarks.Evaluation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Semantic;

namespace SearchService.Benchmarks;

/// <summary>
/// Embedding speed of each model on the same papers: their texts as the service embeds them (<see cref="PaperEmbeddingText"/>),
/// the models taking turns so that load from other jobs falls on both alike. <c>embed-speed [--papers N] [--rounds N]</c>.
/// </summary>
public static class EmbedSpeedCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        if (SharedData.Folder() is not { } shared)
        {
            Console.WriteLine(SharedData.Missing);
            return Task.FromResult(0);
        }
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var paperCount = int.Parse(Option("--papers") ?? "200", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option("--rounds") ?? "2", CultureInfo.InvariantCulture);

        var corpus = CorpusSnapshot.Read(Path.Combine(shared, "corpus", "arxiv-notes"));
        var translator = new TermTranslator(new QueryExpansion(TerminologyMap.Load()));
        // Every 10th paper, so the sample spreads over the years (and the lengths) of the corpus.
        var papers = corpus.Files.SelectMany(f => f.Papers).Where((_, i) => i % 10 == 0).Take(paperCount).ToList();
        var texts = papers.SelectMany(p => PaperEmbeddingText.Chunks(p, translateKorean: true)).Select(c => PaperEmbeddingText.Text(c, translator)).ToList();
        Console.WriteLine($"{papers.Count} papers, {texts.Count} texts; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        var models = new[] { EmbeddingModel.MiniLM, EmbeddingModel.ArcticXs };
        var embedders = models.ToDictionary(m => m, m => Embedders.Create(m));
        var seconds = models.ToDictionary(m => m, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var model in models)
            {
                var clock = Stopwatch.StartNew();
                embedders[model].Embed(texts);
                seconds[model].Add(clock.Elapsed.TotalSeconds);
            }
        }
        Console.WriteLine("| model | papers/s | texts/s | seconds per round |\n| --- | --- | --- | --- |");
        foreach (var model in models)
        {
            var best = seconds[model].Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {model} | {papers.Count / best:F1} | {texts.Count / best:F1} | {string.Join(", ", seconds[model].Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} |"));
        }
        foreach (var embedder in embedders.Values) (embedder as IDisposable)?.Dispose();
        return Task.FromResult(0);
    }
}
