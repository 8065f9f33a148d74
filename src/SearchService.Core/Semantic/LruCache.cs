namespace SearchService.Core.Semantic;

/// <summary>
/// A bounded least-recently-used cache, safe for concurrent use. Holds what is costly to recompute per
/// request and never changes for a given key (a query's translation, its embedding).
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
        if (capacity <= 0) return create(key);
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                return node.Value.Value;
            }
        }
        var value = create(key);
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var raced)) return raced.Value.Value;
            nodes[key] = order.AddFirst((key, value));
            if (nodes.Count > capacity)
            {
                nodes.Remove(order.Last!.Value.Key);
                order.RemoveLast();
            }
        }
        return value;
    }
}
