using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SearchService.Core.Semantic;

/// <summary>
/// Vectors kept beside the index so a restart does not re-embed unchanged papers, keyed by
/// <see cref="ContentHash"/>. One append-only file: a header, then fixed-size records
/// (32-byte hash, the floats, a checksum). A record cut short or garbled by a crash is dropped on load,
/// with everything after it. It is a cache: a file that is not ours or has other dimensions is started afresh.
/// Only each record's place in the file is held in memory (a vector is read back when asked for): at a million
/// papers the vectors themselves would be 2 GB more of heap, and they are read once per start.
/// Thread-safe; one process at a time (the file is opened for exclusive writing).
/// </summary>
public sealed class VectorStore : IDisposable
{
    /// <summary>Name of the file inside the store's folder.</summary>
    public const string FileName = "vectors.bin";

    private const int FormatVersion = 1;
    private const int HeaderSize = 16;
    private const int HashSize = 32;
    private static ReadOnlySpan<byte> Magic => "SSVECTOR"u8;

    // Hash → offset of its record in the file.
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly int _dimensions;
    private readonly int _recordSize;
    private readonly Lock _gate = new();
    // Bytes in the file counting the stream's buffer, and bytes known to have left the buffer.
    private long _length;
    private long _written;

    /// <summary>Opens or creates the store in <paramref name="folder"/> and loads every intact record.</summary>
    public VectorStore(string folder, int dimensions, ILogger<VectorStore>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        // Records are written as raw floats; a big-endian machine would read them back scrambled.
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("VectorStore needs a little-endian machine.");
        _dimensions = dimensions;
        _recordSize = HashSize + dimensions * sizeof(float) + sizeof(uint);
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, FileName);
        _file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1 << 16);
        Load(logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>Full path of the backing file.</summary>
    public string Path { get; }

    /// <summary>Number of vectors held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _offsets.Count;
        }
    }

    /// <summary>Whether a vector is stored under <paramref name="hash"/> (without reading it).</summary>
    public bool Contains(string hash)
    {
        lock (_gate)
            return _offsets.ContainsKey(hash.ToLowerInvariant());
    }

    /// <summary>The vector stored under <paramref name="hash"/>, as a copy the caller may change.</summary>
    public bool TryGet(string hash, out float[] vector)
    {
        lock (_gate)
        {
            if (!_offsets.TryGetValue(hash.ToLowerInvariant(), out var offset))
            {
                vector = [];
                return false;
            }
            // Records appended since the last flush may still sit in the stream's buffer.
            if (offset + _recordSize > _written)
            {
                _file.Flush();
                _written = _length;
            }
            vector = new float[_dimensions];
            RandomAccess.Read(_file.SafeFileHandle, MemoryMarshal.AsBytes(vector.AsSpan()), offset + HashSize);
            return true;
        }
    }

    /// <summary>
    /// Keeps <paramref name="vector"/> under <paramref name="hash"/> (64 hex digits) and appends it to the file's
    /// buffer; a hash already present is left alone, since equal content gives an equal vector.
    /// Call <see cref="Flush"/> to make it durable.
    /// </summary>
    public void Add(string hash, float[] vector)
    {
        if (vector.Length != _dimensions)
            throw new ArgumentException($"Expected {_dimensions} dimensions, got {vector.Length}.", nameof(vector));
        var hashBytes = Convert.FromHexString(hash);
        if (hashBytes.Length != HashSize)
            throw new ArgumentException("Expected a SHA-256 hash as 64 hex digits.", nameof(hash));

        var key = Convert.ToHexStringLower(hashBytes);
        var record = new byte[_recordSize];
        hashBytes.CopyTo(record, 0);
        MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(record.AsSpan(HashSize));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(_recordSize - sizeof(uint)), Checksum(record.AsSpan(0, _recordSize - sizeof(uint))));
        lock (_gate)
        {
            if (!_offsets.TryAdd(key, _length))
                return;
            _file.Write(record);
            _length += _recordSize;
        }
    }

    /// <summary>Writes buffered records through to the disk.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _file.Flush(flushToDisk: true);
            _written = _length;
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _file.Flush(flushToDisk: true);
            _file.Dispose();
        }
    }

    private void Load(ILogger logger)
    {
        if (!HasValidHeader())
        {
            if (_file.Length > 0)
                logger.LogWarning("Vector store {Path} has an unknown header or other dimensions; starting it afresh", Path);
            StartAfresh();
            return;
        }

        var record = new byte[_recordSize];
        long valid = HeaderSize;
        _file.Position = HeaderSize;
        while (_file.ReadAtLeast(record, _recordSize, throwOnEndOfStream: false) == _recordSize)
        {
            var body = record.AsSpan(0, _recordSize - sizeof(uint));
            if (Checksum(body) != BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(_recordSize - sizeof(uint))))
                break;
            _offsets.TryAdd(Convert.ToHexStringLower(record.AsSpan(0, HashSize)), valid);
            valid += _recordSize;
        }

        if (valid < _file.Length)
        {
            // Cut the torn tail so new records line up on record boundaries again.
            logger.LogWarning("Vector store {Path}: dropped {Bytes} bytes of incomplete records after {Count} vectors",
                Path, _file.Length - valid, _offsets.Count);
            _file.SetLength(valid);
        }
        _file.Position = valid;
        _length = _written = valid;
    }

    private bool HasValidHeader()
    {
        if (_file.Length < HeaderSize)
            return false;
        Span<byte> header = stackalloc byte[HeaderSize];
        _file.Position = 0;
        _file.ReadExactly(header);
        return header[..8].SequenceEqual(Magic)
            && BinaryPrimitives.ReadInt32LittleEndian(header[8..]) == FormatVersion
            && BinaryPrimitives.ReadInt32LittleEndian(header[12..]) == _dimensions;
    }

    private void StartAfresh()
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], _dimensions);
        _file.SetLength(0);
        _file.Write(header);
        _file.Flush(flushToDisk: true);
        _length = _written = HeaderSize;
    }

    // FNV-1a: enough to tell a whole record from one a crash left half-written or zero-filled.
    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
            hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
