using Lucene.Net.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Lucene's DisjunctionSumScorer, step for step (the same heap moves, so the same order of summing and the same
/// scores), over (scorer, document) pairs: each scorer's document is read from the pair, not asked for. Unlike Lucene's,
/// it sums its clauses' scores only when asked for the score: a disjunction under <see cref="AtLeastQuery"/>, or one
/// advanced to a document its conjunction then passes over, is never asked.
/// </summary>
internal sealed class OrScorer : Scorer
{
    private readonly ScorerHeap.Entry[] heap;
    private readonly float[] coord;
    private readonly long cost;
    private int count;
    private int doc = -1;
    /// <summary>The document <see cref="matchers"/> and <see cref="score"/> were summed for.</summary>
    private int summed = -1;
    private int matchers = -1;
    /// <summary>Summed in double and rounded once, as Lucene does.</summary>
    private double score = float.NaN;

    public OrScorer(Weight weight, IReadOnlyList<Scorer> scorers, float[] coord) : base(weight)
    {
        heap = ScorerHeap.Of(scorers);
        count = heap.Length;
        this.coord = coord;
        foreach (var scorer in scorers) cost += scorer.GetCost();
    }

    public override int DocID => doc;

    public override int Freq
    {
        get
        {
            Sum();
            return matchers;
        }
    }

    public override float GetScore()
    {
        Sum();
        return (float)score * coord[matchers];
    }

    public override long GetCost() => cost;

    public override int NextDoc()
    {
        while (true)
        {
            ref var top = ref heap[0];
            top.Doc = top.Scorer.NextDoc();
            if (top.Doc != NO_MORE_DOCS) ScorerHeap.Down(heap, count, 0);
            else if (!RemoveTop()) return doc = NO_MORE_DOCS;
            if (heap[0].Doc != doc) return doc = heap[0].Doc;
        }
    }

    public override int Advance(int target)
    {
        while (true)
        {
            ref var top = ref heap[0];
            top.Doc = top.Scorer.Advance(target);
            if (top.Doc != NO_MORE_DOCS) ScorerHeap.Down(heap, count, 0);
            else if (!RemoveTop()) return doc = NO_MORE_DOCS;
            if (heap[0].Doc >= target) return doc = heap[0].Doc;
        }
    }

    public override ICollection<ChildScorer> GetChildren() =>
        heap.Take(count).Select(c => new ChildScorer(c.Scorer, "SHOULD")).ToList();

    /// <summary>
    /// The scores of every clause on the current document, top first, then depth first, as Lucene sums them when it
    /// lands; the heap has not moved since.
    /// </summary>
    private void Sum()
    {
        if (summed == doc) return;
        summed = doc;
        score = heap[0].Scorer.GetScore();
        matchers = 1;
        Count(1);
        Count(2);
    }

    private void Count(int root)
    {
        if (root >= count || heap[root].Doc != doc) return;
        matchers++;
        score += heap[root].Scorer.GetScore();
        Count((root << 1) + 1);
        Count((root << 1) + 2);
    }

    /// <summary>Drops the exhausted top; false when no clause is left.</summary>
    private bool RemoveTop()
    {
        if (--count == 0)
        {
            heap[0] = default;
            return false;
        }
        heap[0] = heap[count];
        heap[count] = default;
        ScorerHeap.Down(heap, count, 0);
        return true;
    }
}
