using System.Reflection;

namespace SearchService.Core.Semantic;

/// <summary>A model's files as the encoder needs them: the ONNX graph, the WordPiece vocabulary, the package version.</summary>
internal sealed record ModelFiles(byte[] Onnx, Stream Vocabulary, string Version);

/// <summary>
/// Reads a model from the resources of its SentenceTransformers.* package's assembly, so nothing is downloaded
/// at run time. We use the files, not the package's own encoder: that encoder runs all texts as one padded
/// batch with no length cap and its tokenizer differs from BERT's.
/// </summary>
internal static class EmbeddedModelFiles
{
    public static ModelFiles Load(SentenceModelCard card)
    {
        var assembly = card.Package;
        using var onnx = Open(assembly, card.ResourcePrefix + "model.onnx");
        var bytes = new byte[onnx.Length];
        onnx.ReadExactly(bytes);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return new ModelFiles(bytes, Open(assembly, card.ResourcePrefix + "vocab.txt"), version.Split('+')[0]);
    }

    private static Stream Open(Assembly assembly, string resource) =>
        assembly.GetManifestResourceStream(resource)
        ?? throw new FileNotFoundException($"Resource {resource} is missing from {assembly.GetName().Name}.");
}
