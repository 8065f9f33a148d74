namespace SearchService.Core;

/// <summary>
/// A bounded least-recently-used cache, safe for concurrent use. Holds what is costly to recompute per
/// request: a query's translation or embedding (never changes for a key), or a decoded paper (which the
/// owner removes when it changes).
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> nodes = new();
    private readonly LinkedList<(TKey Key, TValue Value)> order = new();
    private readonly Lock gate = new();

    public int Count
    {
        get { lock (gate) return nodes.Count; }
    }

    /// <summary>The cached value of <paramref name="key"/>, or <paramref name="create"/>'s (computed outside the lock, then kept).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (TryGet(key, out var cached)) return cached;
        var value = create(key);
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var raced)) return raced.Value.Value;
            AddLocked(key, value);
        }
        return value;
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>, replacing what was there.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if (nodes.Remove(key, out var old)) order.Remove(old);
            AddLocked(key, value);
        }
    }

    public void Remove(TKey key)
    {
        lock (gate)
        {
            if (nodes.Remove(key, out var node)) order.Remove(node);
        }
    }

    private void AddLocked(TKey key, TValue value)
    {
        if (capacity <= 0) return;
        nodes[key] = order.AddFirst((key, value));
        if (nodes.Count > capacity)
        {
            nodes.Remove(order.Last!.Value.Key);
            order.RemoveLast();
        }
    }
}
