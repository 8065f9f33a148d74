using SearchService.Core.Notes;
using SearchService.Core.Related;

namespace SearchService.Tests.Related;

public sealed class PaperGraphTests
{
    private static Paper Named(string id, string title) => new() { Id = id, Title = title, Tags = ["llm", "LLM"], Authors = ["Kim Minsu"] };

    [Fact]
    public void NameOfOnePaperIsAMention()
    {
        var longLora = Named("2401.04088", "LongLoRA: Efficient Fine-tuning of Long-Context LLMs");
        var reader = new Paper { Id = "2402.00001", Title = "A note", Abstract = "We fine-tune with LongLoRA on long documents." };
        var graph = new PaperGraph([longLora, reader]);
        Assert.Equal(["2401.04088"], graph.Mentioned(reader));
        Assert.Equal(["2402.00001"], graph.Mentioned(longLora));
    }

    [Fact]
    public void NameThatManyPapersGoByIsNoMention()
    {
        // Nine papers titled "LLMs: ..." do not tell which one a text that writes "LLMs" means.
        var named = Enumerable.Range(1, 9).Select(i => Named($"2401.0000{i}", $"LLMs: study {i}")).ToList();
        var reader = new Paper { Id = "2402.00001", Title = "A note", Abstract = "LLMs reason in steps." };
        var graph = new PaperGraph([.. named, reader]);
        Assert.Empty(graph.Mentioned(reader));
    }

    [Fact]
    public void TagAndAuthorListsHoldEachPaperOnce()
    {
        // Both spellings of the tag normalize alike; the paper is listed once under it.
        var graph = new PaperGraph([Named("2401.04088", "LongLoRA: Efficient Fine-tuning of Long-Context LLMs"), Named("2401.04089", "Other: paper")]);
        Assert.Equal(["2401.04088", "2401.04089"], graph.WithTag("llm"));
        Assert.Equal(["2401.04088", "2401.04089"], graph.ByAuthor("kim minsu"));
    }
}
