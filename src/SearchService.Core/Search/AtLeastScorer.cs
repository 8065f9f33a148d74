using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// The documents on which at least <c>minimum</c> of the clauses match, found as Lucene's MinShouldMatchSumScorer finds
/// them: the <c>minimum - 1</c> costliest clauses are only advanced to a candidate, the others merged in a heap of
/// (scorer, document) pairs that gives the candidates. Every match scores 0 (<see cref="AtLeastQuery"/>), so no clause
/// is asked for a score and a candidate is accepted as soon as enough clauses are on it.
/// </summary>
internal sealed class AtLeastScorer : Scorer
{
    private readonly int minimum;
    /// <summary>Every clause, costliest first: when an advanced clause runs out, the costliest left in the heap takes its place.</summary>
    private readonly Scorer[] byCost;
    private int nextByCost;
    /// <summary>The <c>minimum - 1</c> advanced clauses, sparsest last (it is tried first).</summary>
    private readonly Scorer[] advanced;
    private readonly ScorerHeap.Entry[] heap;
    private readonly long cost;
    /// <summary>Clauses in the heap; with the <c>minimum - 1</c> advanced ones, every clause not yet run out.</summary>
    private int inHeap;
    private int doc = -1;
    private int matchers;

    public AtLeastScorer(Weight weight, IReadOnlyList<Scorer> scorers, int minimum) : base(weight)
    {
        this.minimum = minimum;
        // A stable sort, as Lucene's TimSort: equal costs keep the clauses' order.
        byCost = scorers.Select((s, i) => (s, i)).OrderByDescending(p => p.s.GetCost()).ThenBy(p => p.i).Select(p => p.s).ToArray();
        advanced = byCost[..(minimum - 1)];
        nextByCost = minimum - 1;
        heap = ScorerHeap.Of(byCost[(minimum - 1)..]);
        inHeap = heap.Length;
        // Lucene's estimate: merging the heap, and advancing the others as often.
        long merged = 0;
        foreach (var clause in heap) merged += clause.Scorer.GetCost();
        cost = merged * minimum;
    }

    public override int DocID => doc;

    /// <summary>How many clauses were found on the document before it was accepted (at least the minimum).</summary>
    public override int Freq => matchers;

    public override float GetScore() => 0f;

    public override long GetCost() => cost;

    public override int NextDoc()
    {
        while (true)
        {
            // Move every heap clause off the current document.
            while (heap[0].Doc == doc)
            {
                ref var top = ref heap[0];
                top.Doc = top.Scorer.NextDoc();
                if (top.Doc != NO_MORE_DOCS) ScorerHeap.Down(heap, inHeap, 0);
                else if (!RemoveTop()) return doc = NO_MORE_DOCS;
            }
            if (Evaluate()) return doc;
        }
    }

    public override int Advance(int target)
    {
        if (doc == NO_MORE_DOCS) return doc;
        while (heap[0].Doc < target)
        {
            ref var top = ref heap[0];
            top.Doc = top.Scorer.Advance(target);
            if (top.Doc != NO_MORE_DOCS) ScorerHeap.Down(heap, inHeap, 0);
            else if (!RemoveTop()) return doc = NO_MORE_DOCS;
        }
        return Evaluate() ? doc : NextDoc();
    }

    public override ICollection<ChildScorer> GetChildren() =>
        advanced.Concat(heap.Take(inHeap).Select(c => c.Scorer)).Select(s => new ChildScorer(s, "SHOULD")).ToList();

    /// <summary>
    /// Whether the heap's least document has enough clauses: those of the heap on it, then the advanced ones, sparsest
    /// first, until enough are found or too few are left to find.
    /// </summary>
    private bool Evaluate()
    {
        doc = heap[0].Doc;
        if (doc == NO_MORE_DOCS) return true;
        matchers = 1 + Count(1) + Count(2);
        for (var i = minimum - 2; i >= 0 && matchers < minimum; i--)
        {
            var scorer = advanced[i];
            if (scorer.DocID >= doc || scorer.Advance(doc) != NO_MORE_DOCS)
            {
                if (scorer.DocID == doc) matchers++;
                else if (matchers + i < minimum) return false;
                continue;
            }
            // This clause ran out: the costliest clause still in the heap is advanced in its place, unless that one is
            // the heap's last (then too few clauses are left).
            if (inHeap == 1)
            {
                doc = NO_MORE_DOCS;
                return true;
            }
            Array.Copy(advanced, i + 1, advanced, i, minimum - 2 - i);
            while (!Remove(byCost[nextByCost++])) { }
            advanced[minimum - 2] = byCost[nextByCost - 1];
            if (matchers + i < minimum) return false;
        }
        return matchers >= minimum;
    }

    /// <summary>The heap clauses on the current document in the subtree at <paramref name="root"/>.</summary>
    private int Count(int root)
    {
        if (root >= inHeap || heap[root].Doc != doc) return 0;
        return 1 + Count((root << 1) + 1) + Count((root << 1) + 2);
    }

    /// <summary>Drops the exhausted top; false when it was the heap's last (the advanced clauses alone are too few).</summary>
    private bool RemoveTop()
    {
        if (inHeap == 1) return false;
        inHeap--;
        heap[0] = heap[inHeap];
        heap[inHeap] = default;
        ScorerHeap.Down(heap, inHeap, 0);
        return true;
    }

    /// <summary>Takes <paramref name="scorer"/> out of the heap; false when it is not there (it ran out before).</summary>
    private bool Remove(Scorer scorer)
    {
        for (var i = 0; i < inHeap; i++)
        {
            if (!ReferenceEquals(heap[i].Scorer, scorer)) continue;
            inHeap--;
            heap[i] = heap[inHeap];
            heap[inHeap] = default;
            if (i < inHeap)
            {
                ScorerHeap.Up(heap, i);
                ScorerHeap.Down(heap, inHeap, i);
            }
            return true;
        }
        return false;
    }
}
