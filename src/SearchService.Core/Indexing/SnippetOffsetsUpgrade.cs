using Lucene.Net.Index;

namespace SearchService.Core.Indexing;

/// <summary>
/// Brings an index written before snippet offsets moved from term vectors into the postings up to date, once, at
/// start: every live document of a segment whose snippet fields lack postings offsets is written again from what it
/// stored (a paper from its record, a file record from its stored fields and identity). Rewriting only the papers would
/// not do: a merge gives a field the weakest options of the segments it joins, so an old segment left holding its file
/// records would take the offsets away from the rewritten papers merged with it.
/// </summary>
public static class SnippetOffsetsUpgrade
{
    /// <summary>Rounds before giving up: a merge that ran during a round can leave a mixed segment for the next.</summary>
    private const int MaxRounds = 3;

    /// <summary>Rewrites and commits what needs it; returns how many documents were written again (0 for an index already up to date).</summary>
    public static int Run(PaperIndex index)
    {
        var rewritten = 0;
        for (var round = 0; round < MaxRounds && NeedsIt(index); round++)
        {
            rewritten += RewriteOnce(index);
            index.Commit();
            index.Refresh();
        }
        return rewritten;
    }

    /// <summary>Whether some segment holds papers whose snippet fields have no offsets in their postings.</summary>
    public static bool NeedsIt(PaperIndex index)
    {
        using var lease = index.Lease();
        return lease.Searcher.IndexReader.Leaves.Any(leaf => LacksOffsets(leaf.AtomicReader));
    }

    private static bool LacksOffsets(AtomicReader reader) =>
        reader.FieldInfos.FieldInfo(PaperFields.Title) is { } title && title.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;

    private static int RewriteOnce(PaperIndex index)
    {
        var rewritten = 0;
        using var lease = index.Lease();
        foreach (var leaf in lease.Searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            if (!LacksOffsets(reader)) continue;
            var live = reader.LiveDocs;
            var identities = reader.GetBinaryDocValues(PaperFields.FileIdentity);
            var identity = new Lucene.Net.Util.BytesRef();
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                var stored = reader.Document(doc);
                if (stored.Get(PaperFields.Record) is not null) index.PutPaper(PaperDocument.FromDocument(stored));
                else if (stored.Get(PaperFields.FileKey) is not null)
                {
                    identities?.Get(doc, identity);
                    var stamp = identities is not null && identity.Length > 0 ? FileDocument.IdentityFrom(identity).Stamp : null;
                    index.PutFile(FileDocument.FromDocument(stored) with { Stamp = stamp });
                }
                else continue;
                rewritten++;
            }
        }
        return rewritten;
    }
}
