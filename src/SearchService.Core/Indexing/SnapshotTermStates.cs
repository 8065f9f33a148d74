using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>
/// The terms an index snapshot has been searched for, with their looked-up statistics, shared by every query on that
/// snapshot. Queries repeat words (three-word queries drawn from a few thousand words look up the same forty-odd
/// terms per word again and again), and each lookup searches the terms dictionary of every segment: a tenth of a
/// keyword search's CPU on the real corpus. A <see cref="TermContext"/> is only read once built, so threads share it.
/// The statistics belong to the snapshot, so a new snapshot (any write) starts empty. Bounded: past
/// <see cref="Capacity"/> terms, new ones are looked up each time and not kept.
/// </summary>
internal static class SnapshotTermStates
{
    /// <summary>About 300 bytes a term with four segments: some 30 MB at most.</summary>
    public const int Capacity = 100_000;

    private sealed class Cache
    {
        public readonly ConcurrentDictionary<Term, TermContext> States = new();
        /// <summary>Counted here: the dictionary's Count takes every one of its locks.</summary>
        public int Count;
    }

    private static readonly ConditionalWeakTable<IndexReader, Cache> Snapshots = new();

    /// <summary>The statistics of <paramref name="term"/> in <paramref name="reader"/>, from <paramref name="lookUp"/> the first time.</summary>
    public static TermContext Of(IndexReader reader, Term term, Func<Term, TermContext> lookUp)
    {
        var cache = Snapshots.GetOrCreateValue(reader);
        if (cache.States.TryGetValue(term, out var known)) return known;
        var states = lookUp(term);
        if (Volatile.Read(ref cache.Count) < Capacity && cache.States.TryAdd(term, states)) Interlocked.Increment(ref cache.Count);
        return states;
    }
}
