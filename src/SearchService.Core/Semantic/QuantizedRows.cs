using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SearchService.Core.Semantic;

/// <summary>
/// The rows of a <see cref="VectorIndex"/> as signed bytes: each component is stored as steps from that dimension's
/// mean, a step being a fraction of the dimension's spread (so the few dimensions where the models put large values do
/// not coarsen the rest). A first pass over them reads a quarter of the memory the float rows take. With each row is
/// kept how far its byte form is from the floats (the length of the difference), which bounds how far an approximate
/// dot product with a unit query can be off, whatever the means and steps are.
/// Not thread-safe: the owning index takes its lock around every call.
/// </summary>
internal sealed class QuantizedRows(int dimensions)
{
    // A component further than this many standard deviations from its mean is clipped (its error still counted).
    private const float Spread = 3;
    private sbyte[] _codes = new sbyte[dimensions * 256];
    private float[] _errors = new float[256];
    // Before the first calibration, steps of 1/127 fit any unit vector.
    private readonly float[] _mean = new float[dimensions];
    private readonly float[] _step = Enumerable.Repeat(1f / sbyte.MaxValue, dimensions).ToArray();
    private int _calibratedOn;

    /// <summary>Stores the byte form of <paramref name="row"/> (a unit vector) at <paramref name="slot"/>.</summary>
    public void Set(int slot, ReadOnlySpan<float> row)
    {
        EnsureCapacity(slot + 1);
        var codes = _codes.AsSpan(slot * dimensions, dimensions);
        var squaredError = 0f;
        for (var i = 0; i < row.Length; i++)
        {
            var centred = row[i] - _mean[i];
            codes[i] = (sbyte)Math.Clamp(MathF.Round(centred / _step[i]), -sbyte.MaxValue, sbyte.MaxValue);
            var error = centred - codes[i] * _step[i];
            squaredError += error * error;
        }
        _errors[slot] = MathF.Sqrt(squaredError);
    }

    /// <summary>
    /// Once the rows have doubled since the means and steps were last taken, takes them again from
    /// <paramref name="rows"/> (the first <paramref name="count"/> float rows) and encodes every row anew:
    /// a collection that grows is encoded a bounded number of times per row.
    /// </summary>
    public void CalibrateIfGrown(ReadOnlySpan<float> rows, int count)
    {
        if (count < 2 * Math.Max(_calibratedOn, 32)) return;
        Array.Clear(_mean);
        var variance = new float[dimensions];
        for (var slot = 0; slot < count; slot++)
            TensorPrimitives.Add(_mean, rows.Slice(slot * dimensions, dimensions), _mean);
        TensorPrimitives.Divide(_mean, count, _mean);
        for (var slot = 0; slot < count; slot++)
            for (var i = 0; i < dimensions; i++)
            {
                var d = rows[slot * dimensions + i] - _mean[i];
                variance[i] += d * d;
            }
        for (var i = 0; i < dimensions; i++)
            _step[i] = Math.Max(Spread * MathF.Sqrt(variance[i] / count), 1e-6f) / sbyte.MaxValue;
        for (var slot = 0; slot < count; slot++)
            Set(slot, rows.Slice(slot * dimensions, dimensions));
        _calibratedOn = count;
    }

    /// <summary>Copies the row at <paramref name="from"/> over the one at <paramref name="to"/>.</summary>
    public void Move(int from, int to)
    {
        _codes.AsSpan(from * dimensions, dimensions).CopyTo(_codes.AsSpan(to * dimensions, dimensions));
        _errors[to] = _errors[from];
    }

    /// <summary>Gives back the memory beyond <paramref name="rows"/> rows.</summary>
    public void Trim(int rows)
    {
        rows = Math.Max(256, rows);
        Array.Resize(ref _codes, rows * dimensions);
        Array.Resize(ref _errors, rows);
    }

    /// <summary>
    /// A query as <see cref="Approximate"/> reads it: in steps of each dimension, rounded to 16-bit integers so a row is
    /// scored with integer multiply-adds, with what that rounding can cost a score (<see cref="SteppedQuery.Error"/>).
    /// </summary>
    public SteppedQuery Prepare(ReadOnlySpan<float> query)
    {
        var stepped = new float[dimensions];
        TensorPrimitives.Multiply(query, _step, stepped);
        // The largest value that keeps a row's whole sum (|code| ≤ 127 in every dimension) within an int.
        var limit = Math.Min(short.MaxValue, int.MaxValue / (sbyte.MaxValue * dimensions));
        var largest = TensorPrimitives.MaxMagnitude(stepped);
        var scale = largest == 0 ? 1 : largest / limit;
        var codes = new short[dimensions];
        var roundingError = 0f;
        for (var i = 0; i < dimensions; i++)
        {
            codes[i] = (short)MathF.Round(stepped[i] / scale);
            roundingError += MathF.Abs(stepped[i] - codes[i] * scale);
        }
        // Each rounded component multiplies a code of at most 127.
        return new SteppedQuery(codes, scale, TensorPrimitives.Dot(query, _mean), roundingError * sbyte.MaxValue);
    }

    /// <summary>
    /// The dot product of a query with the byte form of row <paramref name="slot"/>. For a unit query it is within
    /// <see cref="Error"/> of the row plus the query's <see cref="SteppedQuery.Error"/> of the dot product with the
    /// float row (Cauchy–Schwarz), before float rounding.
    /// </summary>
    public float Approximate(int slot, SteppedQuery query) =>
        query.Base + query.Scale * Dot(query.Codes, _codes.AsSpan(slot * dimensions, dimensions));

    /// <summary>The length of the difference between row <paramref name="slot"/> and its byte form.</summary>
    public float Error(int slot) => _errors[slot];

    private void EnsureCapacity(int rows)
    {
        if (rows <= _errors.Length) return;
        var capacity = Math.Max(rows, _errors.Length * 2);
        Array.Resize(ref _codes, capacity * dimensions);
        Array.Resize(ref _errors, capacity);
    }

    /// <summary>Σ query[i]·codes[i] in integers, sixteen pairs per multiply-add where AVX2 is there; the caller keeps it within an int.</summary>
    internal static unsafe int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> codes)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && codes.Length >= 32)
        {
            fixed (short* q = query)
            fixed (sbyte* c = codes)
            {
                // Two sums side by side, so one multiply-add need not wait for the one before.
                var even = Vector256<int>.Zero;
                var odd = Vector256<int>.Zero;
                for (; i + 32 <= codes.Length; i += 32)
                {
                    even = Avx2.Add(even, Avx2.MultiplyAddAdjacent(Avx.LoadVector256(q + i), Avx2.ConvertToVector256Int16(c + i)));
                    odd = Avx2.Add(odd, Avx2.MultiplyAddAdjacent(Avx.LoadVector256(q + i + 16), Avx2.ConvertToVector256Int16(c + i + 16)));
                }
                sum = Vector256.Sum(Avx2.Add(even, odd));
            }
        }
        for (; i < codes.Length; i++)
            sum += query[i] * codes[i];
        return sum;
    }
}

/// <summary>A query prepared for <see cref="QuantizedRows.Approximate"/>: 16-bit codes times <paramref name="Scale"/>, plus <paramref name="Base"/>.</summary>
/// <param name="Error">How far rounding the query to codes can move a score, at most.</param>
internal readonly record struct SteppedQuery(short[] Codes, float Scale, float Base, float Error);
