using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Notes;

namespace SearchService.Core.Indexing;

/// <summary>
/// Reads the records the index stores: one paper or one file by its key (a term lookup and one stored document,
/// only the JSON field decoded), every paper one at a time, and the identity of every file from its doc values
/// column. The index is the store of records; nothing here keeps them.
/// </summary>
public static class StoredRecords
{
    /// <summary>The paper stored under <paramref name="id"/>, or null.</summary>
    public static Paper? Paper(IndexReader reader, string id) =>
        DocOf(reader, PaperFields.Id, id) is var doc and >= 0 ? DecodePaper(reader, doc) : null;

    /// <summary>The file record stored under <paramref name="key"/>, or null. Its stamp is not part of the stored record.</summary>
    public static IngestedFile? File(IndexReader reader, string key) =>
        DocOf(reader, PaperFields.FileKey, key) is var doc and >= 0
            ? FileDocument.FromDocument(Load(reader, doc, PaperFields.FileKey, PaperFields.FileHash, PaperFields.FilePapers, PaperFields.FileWarnings))
            : null;

    /// <summary>Every paper, decoded one at a time as the caller walks them (the reader must stay open meanwhile).</summary>
    public static IEnumerable<Paper> Papers(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (atomic.GetSortedDocValues(PaperFields.Id) is not { } ids) continue;
            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                // File documents have no id value: only papers have an ordinal.
                if (live?.Get(doc) == false || ids.GetOrd(doc) < 0) continue;
                yield return DecodePaper(atomic, doc);
            }
        }
    }

    /// <summary>
    /// The identity of every stored file, from the <see cref="PaperFields.FileIdentity"/> column: a sequential read of
    /// small values, no stored document decompressed. A file written before that column existed is decoded whole.
    /// </summary>
    public static IEnumerable<FileIdentity> FileIdentities(IndexReader reader)
    {
        var scratch = new BytesRef();
        var fileKind = new BytesRef(PaperFields.FileKind);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (atomic.GetTerms(PaperFields.Kind)?.GetEnumerator() is not { } kinds || !kinds.SeekExact(fileKind)) continue;
            var docs = kinds.Docs(atomic.LiveDocs, null, DocsFlags.NONE);
            var identities = atomic.GetBinaryDocValues(PaperFields.FileIdentity);
            var hasIdentity = atomic.GetDocsWithField(PaperFields.FileIdentity);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                if (identities is not null && hasIdentity?.Get(doc) == true)
                {
                    identities.Get(doc, scratch);
                    yield return FileDocument.IdentityFrom(scratch);
                }
                else
                {
                    var stored = Load(atomic, doc, PaperFields.FileKey, PaperFields.FileHash, PaperFields.FilePapers, PaperFields.FileWarnings);
                    yield return FileIdentity.Of(FileDocument.FromDocument(stored));
                }
            }
        }
    }

    private static Paper DecodePaper(IndexReader reader, int doc) => PaperDocument.FromDocument(Load(reader, doc, PaperFields.Id, PaperFields.Record));

    /// <summary>Only the named stored fields of one document: the others are skipped, not decoded into strings.</summary>
    private static Document Load(IndexReader reader, int doc, params string[] fields)
    {
        var visitor = new DocumentStoredFieldVisitor(fields);
        reader.Document(doc, visitor);
        return visitor.Document;
    }

    /// <summary>The live document whose <paramref name="field"/> is <paramref name="value"/> (a unique key), or -1.</summary>
    private static int DocOf(IndexReader reader, string field, string value) => new KeyLookup(reader, field).DocOf(value);
}
