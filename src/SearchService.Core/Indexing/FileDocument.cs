using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Notes;

namespace SearchService.Core.Indexing;

/// <summary>
/// Maps an <see cref="IngestedFile"/> to a stored-only document. Keeping the file records in the same
/// index as the papers means one commit covers both, so a crash can never leave a paper without the
/// file that produced it, or a file marked done whose papers were lost. The file's identity (ids, title
/// slugs, note names, hash, stamp) is also kept as a doc values column, so a start reads it without
/// decompressing the records (<see cref="StoredRecords.FileIdentities"/>).
/// </summary>
public static class FileDocument
{
    public static Document ToDocument(IngestedFile file) =>
    [
        new StringField(PaperFields.Kind, PaperFields.FileKind, Field.Store.NO),
        new StringField(PaperFields.FileKey, file.Key, Field.Store.YES),
        new StoredField(PaperFields.FileHash, file.Hash),
        new StoredField(PaperFields.FilePapers, JsonSerializer.Serialize(file.Papers, PaperDocument.Json)),
        new StoredField(PaperFields.FileWarnings, JsonSerializer.Serialize(file.Warnings, PaperDocument.Json)),
        new BinaryDocValuesField(PaperFields.FileIdentity, new BytesRef(JsonSerializer.SerializeToUtf8Bytes(FileIdentity.Of(file), PaperDocument.Json))),
    ];

    public static IngestedFile FromDocument(Document doc) => new(
        doc.Get(PaperFields.FileKey),
        doc.Get(PaperFields.FileHash),
        JsonSerializer.Deserialize<List<Paper>>(doc.Get(PaperFields.FilePapers), PaperDocument.Json) ?? [],
        JsonSerializer.Deserialize<List<ParseWarning>>(doc.Get(PaperFields.FileWarnings), PaperDocument.Json) ?? []);

    public static FileIdentity IdentityFrom(BytesRef value) =>
        JsonSerializer.Deserialize<FileIdentity>(value.Bytes.AsSpan(value.Offset, value.Length), PaperDocument.Json)
        ?? throw new InvalidDataException("A file document has an empty identity.");
}
