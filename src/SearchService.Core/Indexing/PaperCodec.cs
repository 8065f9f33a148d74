using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene 4.6's codec with one change: term vectors are stored one document per chunk and not compressed.
/// Snippets now read offsets from the postings and new documents store no term vectors, but indexes written
/// before kept them for every hit's snippets: the default format compresses them with LZ4 in chunks of many
/// documents, so each hit decompressed and parsed its neighbours too. The codec stays the one that writes, so
/// those segments keep opening and merging under its name. Segments written by the plain Lucene 4.6 codec still
/// open, and <see cref="PaperMergePolicy"/> rewrites them in this format.
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
