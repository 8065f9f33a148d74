using Lucene.Net.Store;
using SearchService.Core.Indexing;

namespace SearchService.Tests.Indexing;

/// <summary>The memory-mapped folder reads back exactly what Lucene wrote, through clones and slices alike.</summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-tests", Guid.NewGuid().ToString("N"));
    private readonly MappedDirectory directory;

    public MappedDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(folder);
        directory = new MappedDirectory(new DirectoryInfo(folder), new NativeFSLockFactory(folder));
        using var output = directory.CreateOutput("numbers", IOContext.DEFAULT);
        output.WriteByte(7);
        output.WriteInt16(-2);
        output.WriteInt32(123_456_789);
        output.WriteInt64(-9_876_543_210L);
        output.WriteVInt32(300);
        output.WriteString("논문 paper");
        output.WriteBytes([1, 2, 3, 4, 5], 5);
    }

    [Fact]
    public void ReadsBackWhatWasWritten()
    {
        using var input = directory.OpenInput("numbers", IOContext.DEFAULT);
        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(123_456_789, input.ReadInt32());
        Assert.Equal(-9_876_543_210L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal("논문 paper", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void AReadPastTheEndFailsWithoutMovingOn()
    {
        using var input = directory.OpenInput("numbers", IOContext.DEFAULT);
        input.Seek(input.Length - 2);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(input.Length - 2, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.Seek(input.Length + 1));
    }

    [Fact]
    public void AClonePicksUpWhereItsOriginalStoodAndThenMovesOnItsOwn()
    {
        using var input = directory.OpenInput("numbers", IOContext.DEFAULT);
        input.ReadByte();
        var clone = (IndexInput)input.Clone();
        Assert.Equal(-2, clone.ReadInt16());
        Assert.Equal(1, input.Position);
        Assert.Equal(-2, input.ReadInt16());
    }

    [Fact]
    public void ASliceSeesOnlyItsBytes()
    {
        using var slicer = directory.CreateSlicer("numbers", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("int", 3, 4);
        Assert.Equal(4, slice.Length);
        Assert.Equal(123_456_789, slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.ThrowsAny<ArgumentException>(() => slicer.OpenSlice("beyond", 3, 1000));
    }

    [Fact]
    public void AnEmptyFileOpens()
    {
        directory.CreateOutput("empty", IOContext.DEFAULT).Dispose();
        using var input = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void StoredFieldsAreReadNotMappedAndReadBackAcrossBufferBoundaries()
    {
        // 40,000 bytes: more than two of the reader's 16 KB buffers.
        var written = Enumerable.Range(0, 40_000).Select(i => (byte)(i % 251)).ToArray();
        using (var output = directory.CreateOutput("_0.fdt", IOContext.DEFAULT))
            output.WriteBytes(written, written.Length);

        using var input = directory.OpenInput("_0.fdt", IOContext.DEFAULT);
        Assert.IsType<ReadThroughInput>(input);
        Assert.Equal(written.Length, input.Length);
        var all = new byte[written.Length];
        input.ReadBytes(all, 0, 100);
        input.ReadBytes(all, 100, all.Length - 100);
        Assert.Equal(written, all);

        input.Seek(16_380);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(written[16_380], input.ReadByte());
        Assert.Equal(written.AsSpan(16_381, 8).ToArray(), Read(input, 8));
        Assert.Equal(written[16_380], clone.ReadByte());
        input.Seek(5);
        Assert.Equal(written[5], input.ReadByte());
        Assert.Equal(written[16_381], clone.ReadByte());

        input.Seek(written.Length - 2);
        Assert.Throws<EndOfStreamException>(() => Read(input, 4));
    }

    private static byte[] Read(IndexInput input, int count)
    {
        var bytes = new byte[count];
        input.ReadBytes(bytes, 0, count);
        return bytes;
    }

    public void Dispose()
    {
        directory.Dispose();
        try { System.IO.Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
