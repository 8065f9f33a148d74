using System.Buffers;
using System.Numerics.Tensors;

namespace SearchService.Core.Semantic;

/// <summary>
/// Exact cosine search over paper vectors held in memory. Brute force is enough here: a few thousand
/// papers times 384 floats is a few million multiply-adds per query. Vectors are normalized on the way in,
/// so a dot product is the cosine. Safe for concurrent searches alongside writes.
/// </summary>
/// <remarks>
/// A search first reads every row's byte form (<see cref="QuantizedRows"/>, a quarter of the memory), then scores
/// exactly only the rows whose approximate score, with its error bound, could still reach the k best. The answer
/// is the one a pass over the float rows gives; the pass over all the floats was most of a hybrid request's scan time.
/// </remarks>
public sealed class VectorIndex : IDisposable
{
    private readonly int _dimensions;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    // Rows side by side in one array so a search walks memory in order.
    private float[] _rows;
    private readonly QuantizedRows _quantized;

    /// <summary>An empty index of <paramref name="dimensions"/>-wide vectors.</summary>
    public VectorIndex(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        _dimensions = dimensions;
        _rows = new float[dimensions * 256];
        _quantized = new QuantizedRows(dimensions);
    }

    /// <summary>Number of papers with a vector.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _ids.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds or replaces the vector of <paramref name="id"/> (a normalized copy is kept).</summary>
    public void Set(string id, float[] vector)
    {
        var normalized = Normalize(vector);
        _lock.EnterWriteLock();
        try
        {
            if (!_slots.TryGetValue(id, out var slot))
            {
                slot = _ids.Count;
                if ((slot + 1) * _dimensions > _rows.Length)
                    Array.Resize(ref _rows, _rows.Length * 2);
                _slots[id] = slot;
                _ids.Add(id);
            }
            normalized.CopyTo(_rows.AsSpan(slot * _dimensions, _dimensions));
            _quantized.Set(slot, normalized);
            _quantized.CalibrateIfGrown(_rows, _ids.Count);
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>A copy of the (normalized) vector of <paramref name="id"/>.</summary>
    public bool TryGet(string id, out float[] vector)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_slots.TryGetValue(id, out var slot))
            {
                vector = [];
                return false;
            }
            vector = _rows.AsSpan(slot * _dimensions, _dimensions).ToArray();
            return true;
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The dot product of <paramref name="query"/> with the stored (normalized) vector of <paramref name="id"/>, or null when it has none.</summary>
    /// <remarks>Read in place: the ranking of a hybrid request asks this for a few hundred candidates, so no copy is made.</remarks>
    public float? Dot(string id, ReadOnlySpan<float> query)
    {
        if (query.Length != _dimensions)
            throw new ArgumentException($"Expected {_dimensions} dimensions, got {query.Length}.", nameof(query));
        _lock.EnterReadLock();
        try { return _slots.TryGetValue(id, out var slot) ? TensorPrimitives.Dot(query, _rows.AsSpan(slot * _dimensions, _dimensions)) : null; }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>A snapshot of the ids that have a vector.</summary>
    public IReadOnlyList<string> Ids()
    {
        _lock.EnterReadLock();
        try { return _ids.ToList(); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Whether <paramref name="id"/> has a vector.</summary>
    public bool Contains(string id)
    {
        _lock.EnterReadLock();
        try { return _slots.ContainsKey(id); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>A snapshot of every id with a copy of its (normalized) vector, in slot order.</summary>
    public IReadOnlyList<(string Id, float[] Vector)> Rows()
    {
        _lock.EnterReadLock();
        try { return _ids.Select((id, slot) => (id, _rows.AsSpan(slot * _dimensions, _dimensions).ToArray())).ToList(); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Drops the vector of <paramref name="id"/>; false if it had none.</summary>
    public bool Remove(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slots.Remove(id, out var slot))
                return false;
            // Move the last row into the hole so rows stay contiguous.
            var last = _ids.Count - 1;
            if (slot != last)
            {
                _rows.AsSpan(last * _dimensions, _dimensions).CopyTo(_rows.AsSpan(slot * _dimensions, _dimensions));
                _quantized.Move(last, slot);
                _ids[slot] = _ids[last];
                _slots[_ids[slot]] = slot;
            }
            _ids.RemoveAt(last);
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Gives back the row memory beyond what the vectors held now need (after many removals).</summary>
    public void TrimExcess()
    {
        _lock.EnterWriteLock();
        try
        {
            Array.Resize(ref _rows, Math.Max(256, _ids.Count) * _dimensions);
            _quantized.Trim(_ids.Count);
            _slots.TrimExcess();
            _ids.TrimExcess();
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>
    /// The <paramref name="k"/> ids most similar to <paramref name="query"/>, best first (ties by id),
    /// among those <paramref name="filter"/> accepts. The filter runs under the index's read lock: keep it quick.
    /// </summary>
    public IReadOnlyList<(string Id, float Score)> Search(float[] query, int k, Func<string, bool>? filter = null)
    {
        if (k <= 0)
            return [];
        var q = Normalize(query);
        var best = new PriorityQueue<(string Id, float Score), (string Id, float Score)>(k + 1, WorstFirst.Instance);

        _lock.EnterReadLock();
        var approximate = ArrayPool<float>.Shared.Rent(_ids.Count);
        try
        {
            var stepped = _quantized.Prepare(q);
            var margin = stepped.Error + RoundingMargin;
            var bar = ApproximatePass(stepped, margin, k, filter, approximate);
            // Once the heap is full, a row scoring below its worst cannot enter: most rows stop at that comparison.
            var floor = float.NegativeInfinity;
            for (var slot = 0; slot < _ids.Count; slot++)
            {
                // Skipped: left out by the filter, or even its best possible score is below the k-th best worst case.
                if (float.IsNaN(approximate[slot]) || approximate[slot] + _quantized.Error(slot) + margin < bar)
                    continue;
                var id = _ids[slot];
                var score = TensorPrimitives.Dot(q, _rows.AsSpan(slot * _dimensions, _dimensions));
                if (score < floor)
                    continue;
                var hit = (id, score);
                if (best.Count < k)
                    best.Enqueue(hit, hit);
                else if (WorstFirst.Instance.Compare(hit, best.Peek()) > 0)
                    best.EnqueueDequeue(hit, hit);
                if (best.Count == k)
                    floor = best.Peek().Score;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(approximate);
            _lock.ExitReadLock();
        }

        var hits = new (string Id, float Score)[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
            hits[i] = best.Dequeue();
        return hits;
    }

    /// <summary>
    /// Fills <paramref name="approximate"/> with every row's score from its byte form (NaN for a row the filter leaves out)
    /// and returns the k-th best of their lower bounds: the k best exact scores are all at least that, so a row whose
    /// upper bound is below it cannot be among them. Negative infinity when fewer than k rows pass the filter.
    /// Every row's bound is widened by <paramref name="margin"/>: what rounding the query and float sums can cost.
    /// </summary>
    private float ApproximatePass(SteppedQuery query, float margin, int k, Func<string, bool>? filter, float[] approximate)
    {
        var lowest = new PriorityQueue<float, float>(k + 1);
        for (var slot = 0; slot < _ids.Count; slot++)
        {
            if (filter is not null && !filter(_ids[slot]))
            {
                approximate[slot] = float.NaN;
                continue;
            }
            approximate[slot] = _quantized.Approximate(slot, query);
            var lower = approximate[slot] - _quantized.Error(slot) - margin;
            if (lowest.Count < k)
                lowest.Enqueue(lower, lower);
            else if (lower > lowest.Peek())
                lowest.EnqueueDequeue(lower, lower);
        }
        return lowest.Count < k ? float.NegativeInfinity : lowest.Peek();
    }

    // Covers float rounding in both dot products (a few ulps of a sum of 384 terms of size at most 1), far above it.
    private const float RoundingMargin = 1e-4f;

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();

    private float[] Normalize(float[] vector)
    {
        if (vector.Length != _dimensions)
            throw new ArgumentException($"Expected {_dimensions} dimensions, got {vector.Length}.", nameof(vector));
        var copy = (float[])vector.Clone();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0)
            TensorPrimitives.Divide(copy, norm, copy);
        return copy;
    }

    // Orders hits from worst to best, so the heap's top is the one to evict; on equal scores the larger id is worse.
    private sealed class WorstFirst : IComparer<(string Id, float Score)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((string Id, float Score) x, (string Id, float Score) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
