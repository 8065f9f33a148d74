using System.Runtime.InteropServices;

namespace SearchService.Core;

/// <summary>
/// Keys, each with a set of strings, for maps in which nearly every key has one member (a paper's files, the records
/// shown as one paper, a title's arXiv ids, a note name's papers): a lone member is kept as the string itself, and a
/// set is made only for a second. At a million papers a set per key was three-quarters of a gigabyte of the heap
/// (three million sets of one, about 240 bytes each). Members of a set come back in the order they were added
/// unless one was removed. Not thread-safe.
/// </summary>
public sealed class StringSetMap
{
    // A string, or a HashSet<string> of two members or more.
    private readonly Dictionary<string, object> members = new(StringComparer.Ordinal);

    /// <summary>The keys with at least one member.</summary>
    public IReadOnlyCollection<string> Keys => members.Keys;

    public bool ContainsKey(string key) => members.ContainsKey(key);

    /// <summary>The members of <paramref name="key"/>; empty when it has none.</summary>
    public IReadOnlyCollection<string> Of(string key) => members.GetValueOrDefault(key) switch
    {
        string lone => [lone],
        HashSet<string> set => set,
        _ => [],
    };

    /// <summary>The member of <paramref name="key"/> when it has exactly one; null otherwise.</summary>
    public string? Single(string key) => members.GetValueOrDefault(key) as string;

    public int CountOf(string key) => members.GetValueOrDefault(key) switch
    {
        string => 1,
        HashSet<string> set => set.Count,
        _ => 0,
    };

    /// <summary>Adds <paramref name="value"/> to the members of <paramref name="key"/>; false when it was there.</summary>
    public bool Add(string key, string value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(members, key, out var exists);
        if (!exists)
        {
            slot = value;
            return true;
        }
        if (slot is HashSet<string> set) return set.Add(value);
        var lone = (string)slot!;
        if (lone == value) return false;
        slot = new HashSet<string>(StringComparer.Ordinal) { lone, value };
        return true;
    }

    /// <summary>Removes <paramref name="value"/> from the members of <paramref name="key"/>, and the key with its last member.</summary>
    public bool Remove(string key, string value)
    {
        switch (members.GetValueOrDefault(key))
        {
            case string lone when lone == value:
                members.Remove(key);
                return true;
            case HashSet<string> set when set.Remove(value):
                if (set.Count == 1) members[key] = set.First();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Removes <paramref name="key"/> with all its members.</summary>
    public bool RemoveKey(string key) => members.Remove(key);
}
