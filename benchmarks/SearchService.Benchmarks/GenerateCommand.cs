using System.Diagnostics;
using System.Globalization;
using System.Text;
using SearchService.Benchmarks.Evaluation;
using SearchService.Benchmarks.Generation;
using SearchService.Core.Analysis.Terminology;
using SearchService.Core.Ingestion;
using SearchService.Core.Notes;
using SearchService.Core.Semantic;

namespace SearchService.Benchmarks;

/// <summary>
/// <c>generate --papers N --out DIR [--vectors DATA] [--seed S] [--profile CORPUS]</c>: writes N synthetic vault notes
/// under DIR whose shapes, words, tags and authors follow the real corpus (../shared/corpus/arxiv-notes, else the
/// sample notes of index-data/). With <c>--vectors DATA</c> it also writes a vector for every chunk the service would
/// embed, into DATA/vectors/vectors.bin under the content hash the service computes, so a service started with
/// <c>--data DATA</c> reuses them instead of embedding (a million real embeddings take ~9 h on two cores).
/// Also writes DATA/vectors/chunks.tsv (chunk key, hash) for the <c>vectors</c> command's recall check.
/// </summary>
public static class GenerateCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var papers = int.Parse(Option(args, "--papers") ?? "100000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? throw new ArgumentException("--out DIR is required");
        var data = Option(args, "--vectors");
        var seed = int.Parse(Option(args, "--seed") ?? "8", CultureInfo.InvariantCulture);
        var source = Option(args, "--profile") ?? DefaultProfileCorpus();

        var clock = Stopwatch.StartNew();
        var real = CorpusSnapshot.Read(source).Files.SelectMany(f => f.Papers).ToList();
        var profile = CorpusProfile.From(real);
        Console.WriteLine($"profile from {source}: {profile.Describe()} ({clock.ElapsedMilliseconds} ms)");

        var notes = new SyntheticNotes(profile, seed);
        var vectors = data is null ? null : new GeneratedVectors(data, seed);
        var bytes = 0L;
        for (var i = 0; i < papers; i++)
        {
            var note = notes.Next();
            var path = Path.Combine(output, note.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var content = Encoding.UTF8.GetBytes(note.Text);
            File.WriteAllBytes(path, content);
            bytes += content.Length;
            vectors?.Add(note, content);
            if ((i + 1) % 50_000 == 0)
                Console.WriteLine($"{i + 1} notes ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        vectors?.Dispose();
        Console.WriteLine($"wrote {papers} notes ({bytes / 1e6:F0} MB of text) to {output}" +
            (vectors is null ? "" : $" and {vectors.Count} chunk vectors to {data}") + $" in {clock.Elapsed.TotalSeconds:F0} s");
        return Task.FromResult(0);
    }

    private static string DefaultProfileCorpus() =>
        SharedData.Folder() is { } shared
            ? Path.Combine(shared, "corpus", "arxiv-notes")
            : Path.Combine(SharedData.RepositoryRoot(), "index-data", "notes");

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>
    /// The vectors of the generated notes, keyed as <see cref="PaperVectors"/> keys them: each note is parsed as the
    /// ingestor parses it, cut into the same chunks, and hashed with the same model id and translator fingerprint.
    /// </summary>
    private sealed class GeneratedVectors : IDisposable
    {
        private readonly VectorStore store;
        private readonly ClusteredVectors clusters;
        private readonly IQueryTranslator translator = new TermTranslator(new QueryExpansion(TerminologyMap.Load([])));
        private readonly string modelId;
        private readonly StreamWriter chunks;

        public GeneratedVectors(string data, int seed)
        {
            // The service's default model: its id goes into every vector's key, and its folder is where the service looks.
            var model = new SemanticOptions().Model;
            var embedder = Embedders.Create(model);
            using (embedder as IDisposable)
            {
                if (!embedder.IsAvailable) throw new InvalidOperationException($"The model did not load, so its id is unknown: {Embedders.UnavailableReason(embedder)}");
                modelId = embedder.ModelId;
            }
            var folder = Embedders.VectorFolder(Path.Combine(data, "vectors"), model);
            store = new VectorStore(folder, SentenceModelCard.Dimensions);
            chunks = new StreamWriter(Path.Combine(folder, "chunks.tsv"));
            clusters = new ClusteredVectors(SentenceModelCard.Dimensions, seed);
        }

        public int Count { get; private set; }

        public void Add(SyntheticNote note, byte[] content)
        {
            var file = CorpusIngestor.Parse(note.RelativePath, note.RelativePath, ContentHash.Of(content), content);
            foreach (var paper in file.Papers)
            {
                var texts = PaperEmbeddingText.Chunks(paper, translateKorean: true);
                var vectors = clusters.Paper(note.FirstTag, texts.Count);
                for (var n = 0; n < texts.Count; n++)
                {
                    var hash = texts[n].Key(modelId, translator);
                    store.Add(hash, vectors[n]);
                    chunks.Write(paper.Id);
                    chunks.Write('\u001F');
                    chunks.Write(n);
                    chunks.Write('\t');
                    chunks.WriteLine(hash);
                    Count++;
                }
            }
        }

        public void Dispose()
        {
            chunks.Dispose();
            store.Dispose();
        }
    }
}
