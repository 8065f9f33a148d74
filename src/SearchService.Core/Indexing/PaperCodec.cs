using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene 4.6's codec with one change: term vectors are stored one document per chunk and not compressed.
/// Every hit of a page reads its term vectors for its snippets; the default format compresses them with LZ4
/// in chunks of many documents, so each hit decompressed and parsed its neighbours too (a third of a keyword
/// search's time). Uncompressed, a hit reads only its own bytes; the term-vector file stays about the same size
/// (2.9 MB against 2.8 MB for the real corpus: LZ4 gained little on it). Segments written by the plain Lucene 4.6
/// codec still open, and <see cref="PaperMergePolicy"/> rewrites them in this format.
/// </summary>
[CodecName(CodecName)]
public sealed class PaperCodec : FilterCodec
{
    public const string CodecName = "SearchServicePaper46";

    private static readonly TermVectorsFormat PlainTermVectors =
        new CompressingTermVectorsFormat("PlainTermVectors", "", new Uncompressed(), chunkSize: 1);

    public PaperCodec() : base(new Lucene46Codec()) { }

    public override TermVectorsFormat TermVectorsFormat => PlainTermVectors;

    /// <summary>Makes the codec known by name, so segments written with it open; safe to call more than once.</summary>
    public static void Register()
    {
        if (Codec.GetCodecFactory() is not Factory) Codec.SetCodecFactory(new Factory());
    }

    private sealed class Factory : DefaultCodecFactory
    {
        protected override void Initialize()
        {
            base.Initialize();
            PutCodecType(typeof(PaperCodec));
        }
    }

    /// <summary>Bytes written as they are: a chunk is one document's vectors, read straight from the mapped file.</summary>
    private sealed class Uncompressed : CompressionMode
    {
        public override Compressor NewCompressor() => new Writer();

        public override Decompressor NewDecompressor() => new Reader();

        public override string ToString() => "UNCOMPRESSED";

        private sealed class Writer : Compressor
        {
            public override void Compress(byte[] bytes, int off, int len, DataOutput output) => output.WriteBytes(bytes, off, len);
        }

        private sealed class Reader : Decompressor
        {
            public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
            {
                var needed = offset + length;
                if (bytes.Bytes.Length < needed) bytes.Bytes = new byte[ArrayUtil.Oversize(needed, 1)];
                input.ReadBytes(bytes.Bytes, 0, needed);
                bytes.Offset = offset;
                bytes.Length = length;
            }

            public override object Clone() => this;
        }
    }
}
