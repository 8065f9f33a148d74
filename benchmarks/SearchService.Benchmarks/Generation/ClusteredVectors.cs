using System.Numerics.Tensors;

namespace SearchService.Benchmarks.Generation;

/// <summary>
/// Synthetic unit vectors with the structure real embeddings have: topics (one per first tag, so papers that share
/// their main tag sit together), sub-topics within each, and the paper's own offset; a paper's chunks are its vector
/// with a little noise each. Cosines come out near those of MiniLM on the notes: ~0.7 within a sub-topic, ~0.45 within
/// a topic, ~0 across topics. Deterministic for a seed.
/// </summary>
public sealed class ClusteredVectors(int dimensions, int seed, int topics = 512, int subTopics = 32)
{
    private const float SubTopicWeight = 0.7f;
    private const float PaperWeight = 0.8f;
    private const float ChunkWeight = 0.35f;
    private readonly Random random = new(seed);
    private readonly Dictionary<int, float[]> centres = [];

    /// <summary>The vectors of one paper's <paramref name="chunks"/> chunks, around the topic of <paramref name="firstTag"/>.</summary>
    public float[][] Paper(string firstTag, int chunks)
    {
        var topic = firstTag.Length > 0 ? (int)(StableHash(firstTag) % (uint)topics) : random.Next(topics);
        var sub = random.Next(subTopics);
        var paper = new float[dimensions];
        TensorPrimitives.Add(paper, Centre(topic), paper);
        TensorPrimitives.MultiplyAdd(Centre(topics + topic * subTopics + sub), SubTopicWeight, paper, paper);
        TensorPrimitives.MultiplyAdd(Gaussian(), PaperWeight, paper, paper);
        var result = new float[chunks][];
        for (var n = 0; n < chunks; n++)
        {
            var chunk = (float[])paper.Clone();
            TensorPrimitives.MultiplyAdd(Gaussian(), ChunkWeight, chunk, chunk);
            TensorPrimitives.Divide(chunk, TensorPrimitives.Norm(chunk), chunk);
            result[n] = chunk;
        }
        return result;
    }

    /// <summary>A query near a random paper of a random topic: what a search vector looks like.</summary>
    public float[] Query(string firstTag) => Paper(firstTag, 1)[0];

    private float[] Centre(int key)
    {
        if (!centres.TryGetValue(key, out var centre))
            centres[key] = centre = Gaussian();
        return centre;
    }

    /// <summary>A random direction of length ~1 (each coordinate N(0, 1/d)).</summary>
    private float[] Gaussian()
    {
        var v = new float[dimensions];
        var scale = 1 / MathF.Sqrt(dimensions);
        for (var i = 0; i < dimensions; i++)
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())) * scale;
        return v;
    }

    // FNV-1a over the characters: string.GetHashCode changes between runs.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
