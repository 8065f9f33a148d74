using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace SearchService.Core.Indexing;

/// <summary>
/// An index folder read through memory maps, like Lucene's <see cref="MMapDirectory"/>, without its bookkeeping
/// of every clone. A search clones an input for each term it looks up and each posting list it reads (hundreds a
/// request), and Lucene.Net's MMapDirectory registers every clone in a locked weak table so it can unmap under
/// them; that table cost a tenth of a keyword search and made each collection of the heap slow. Here a file is
/// never unmapped under a reader: every input holds its <see cref="MappedFile"/>, and the map is released when
/// no input is left (by the collector), so a clone used late reads valid memory instead of crashing the process.
/// Writes are the file system's, as in every <see cref="FSDirectory"/>. Stored fields are the exception: they are read
/// rather than mapped (<see cref="ReadThroughInput"/>).
/// </summary>
public sealed class MappedDirectory(DirectoryInfo folder, LockFactory lockFactory) : FSDirectory(folder, lockFactory)
{
    /// <summary>The data file of Lucene's stored fields; its index (.fdx) is small and stays mapped.</summary>
    private const string StoredFieldsExtension = ".fdt";

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        if (name.EndsWith(StoredFieldsExtension, StringComparison.Ordinal)) return ReadThroughInput.Open(path);
        var file = MappedFile.Open(path);
        return new MappedInput($"MappedInput({name})", file, 0, file.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(name, MappedFile.Open(Path.Combine(Directory.FullName, name)));
    }

    /// <summary>Slices of a compound file: views into one map.</summary>
    private sealed class Slicer(string name, MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > file.Length)
                throw new ArgumentException($"slice {sliceDescription} [{offset}, {offset + length}) is outside {name} ({file.Length} bytes)");
            return new MappedInput($"MappedInput({name} [slice={sliceDescription}])", file, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing) { }
    }
}

/// <summary>
/// A file mapped read-only into memory, with the address of its first byte. Released by the finalizer once no
/// input refers to it, never while one might still read (see <see cref="MappedDirectory"/>).
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? view;

    public byte* Start { get; }
    public long Length { get; }

    private MappedFile(MemoryMappedViewAccessor? view, byte* start, long length)
    {
        this.view = view;
        Start = start;
        Length = length;
    }

    public static MappedFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            stream.Dispose();
            return new MappedFile(null, null, 0);
        }
        MemoryMappedFile? map = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var length = stream.Length;
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedFile(view, start + view.PointerOffset, length);
        }
        finally
        {
            // The view stays mapped without the file handle, as in Lucene's own MMapDirectory: an index of many
            // segments then holds no open file per mapped file until the collector gets to it.
            if (map is null) stream.Dispose();
            else map.Dispose();
        }
    }

    ~MappedFile()
    {
        if (view is null) return;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
    }
}

/// <summary>Reads a <see cref="MappedFile"/> (or a slice of it) through its address: no copies, no locks, clones are two fields.</summary>
internal sealed unsafe class MappedInput(string description, MappedFile file, long offset, long length) : IndexInput(description)
{
    private readonly byte* start = file.Start + offset;
    private long position;

    public override long Length => length;

    public override long Position => position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length) throw new EndOfStreamException($"seek to {pos} outside {this} ({length} bytes)");
        position = pos;
    }

    public override byte ReadByte()
    {
        if (position >= length) throw new EndOfStreamException($"read past the end of {this}");
        var value = start[position++];
        GC.KeepAlive(this); // the map must outlive the read, even when the caller drops this input right after
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > length - position) throw new EndOfStreamException($"read of {len} bytes past the end of {this}");
        new ReadOnlySpan<byte>(start + position, len).CopyTo(b.AsSpan(offset, len));
        position += len;
        GC.KeepAlive(this);
    }

    // Lucene writes numbers big-endian.
    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));
        GC.KeepAlive(this);
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));
        GC.KeepAlive(this);
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));
        GC.KeepAlive(this);
        return value;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > length - position) throw new EndOfStreamException($"read past the end of {this}");
        var span = new ReadOnlySpan<byte>(start + position, count);
        position += count;
        return span;
    }

    /// <summary>A clone reads the same map from the same place, then moves on its own; it keeps the map alive.</summary>
    public override object Clone() => new MappedInput(ToString()!, file, offset, length) { position = position };

    protected override void Dispose(bool disposing) { }
}
