using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace SearchService.Core.Indexing;

/// <summary>
/// Reads a file with positional reads into a buffer instead of through a memory map; for stored fields. A search
/// reads the stored fields of ten papers, but the start walks every paper's, and every page of a mapped file that
/// was once read stays counted in the process's resident memory: at a million papers the stored fields were 1.5 GB
/// of its 9.1 GiB. Read this way, the pages stay in the kernel's page cache (shared, reclaimable), outside the process.
/// Positional reads need no lock, so clones read at once from several threads.
/// </summary>
internal sealed class ReadThroughInput : BufferedIndexInput
{
    // Lucene compresses stored fields in chunks of 16 KB: one read fills the buffer with one.
    private const int Buffer = 16 * 1024;

    // Shared by the clones and closed by its own finalizer once none is left, as a MappedFile is released: a clone
    // used after its reader closed reads on instead of failing (see MappedDirectory).
    private readonly SafeFileHandle handle;
    private readonly long length;

    private ReadThroughInput(string path, SafeFileHandle handle, long length) : base($"ReadThroughInput({path})", Buffer)
    {
        this.handle = handle;
        this.length = length;
    }

    public static ReadThroughInput Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new ReadThroughInput(path, handle, RandomAccess.GetLength(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override long Length => length;

    /// <summary>Fills <paramref name="buffer"/> from the current position, which Lucene moves before and after.</summary>
    protected override void ReadInternal(byte[] buffer, int offset, int count)
    {
        var position = Position;
        if (count > length - position) throw new EndOfStreamException($"read of {count} bytes past the end of {this}");
        for (var done = 0; done < count;)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(offset + done, count - done), position + done);
            if (read == 0) throw new EndOfStreamException($"{this} ended at {position + done} of {length} bytes");
            done += read;
        }
    }

    protected override void SeekInternal(long pos)
    {
        if (pos < 0 || pos > length) throw new EndOfStreamException($"seek to {pos} outside {this} ({length} bytes)");
    }

    protected override void Dispose(bool disposing) { }
}
