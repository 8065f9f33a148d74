using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Notes;

namespace SearchService.Core.Indexing;

/// <summary>Maps a <see cref="Paper"/> to the Lucene document that makes it searchable, and back.</summary>
public static class PaperDocument
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Text fields that snippets are cut from: their postings keep each occurrence's character offsets, so a
    /// highlight reads where the query's terms are (<see cref="Search.IndexedOffsets"/>) instead of analysing the
    /// text again for every hit. Offsets in the postings rather than in term vectors: a hit then reads only the
    /// query's terms, where a term vector decodes every term of the document.
    /// </summary>
    private static readonly FieldType HighlightedText = WithOffsets();

    private static FieldType WithOffsets()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED)
        {
            IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    public static Document ToDocument(Paper paper)
    {
        var doc = new Document
        {
            new StringField(PaperFields.Kind, PaperFields.PaperKind, Field.Store.NO),
            new StringField(PaperFields.Id, paper.Id, Field.Store.YES),
            new SortedDocValuesField(PaperFields.Id, new BytesRef(paper.Id)),
            new Field(PaperFields.Title, paper.Title, HighlightedText),
            new Field(PaperFields.Abstract, paper.Abstract, HighlightedText),
            new Field(PaperFields.English, paper.EnglishCommentary, HighlightedText),
            new Field(PaperFields.Korean, paper.KoreanCommentary, HighlightedText),
            new TextField(PaperFields.AllText, string.Join('\n', paper.Title, paper.Abstract, paper.EnglishCommentary, paper.KoreanCommentary), Field.Store.NO),
            new StoredField(PaperFields.Record, JsonSerializer.Serialize(paper, Json)),
        };
        foreach (var author in paper.Authors)
        {
            doc.Add(new TextField(PaperFields.Authors, author, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(PaperFields.FacetAuthor, new BytesRef(author)));
        }
        foreach (var tag in paper.Tags.Select(TagNormalizer.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(PaperFields.Tag, tag, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(PaperFields.FacetTag, new BytesRef(tag)));
        }
        if (paper.Date is { } date)
        {
            var day = date.Year * 10000 + date.Month * 100 + date.Day;
            doc.Add(new Int32Field(PaperFields.Date, day, Field.Store.NO));
            doc.Add(new NumericDocValuesField(PaperFields.Date, day));
            doc.Add(new SortedSetDocValuesField(PaperFields.FacetYear, new BytesRef(date.Year.ToString(CultureInfo.InvariantCulture))));
        }
        return doc;
    }

    public static Paper FromDocument(Document doc) =>
        JsonSerializer.Deserialize<Paper>(doc.Get(PaperFields.Record), Json)
        ?? throw new InvalidDataException($"Paper document {doc.Get(PaperFields.Id)} has no record.");
}
