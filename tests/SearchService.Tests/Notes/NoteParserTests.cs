using System.Text;
using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class NoteParserTests
{
    private const int RandomCases = 600;

    [Fact]
    public void DateFirstLineMakesADigestAndAnythingElseAVaultNote()
    {
        var digest = NoteParser.Parse("2024년 10월 29일\nT\n(A B)\nabs\n한국어\nEnglish\n#t\n", "d.md");
        var note = NoteParser.Parse("https://arxiv.org/abs/2410.19034\n\n#t\n", "arXiv/2024/241029 n.txt");

        Assert.Equal(1, digest.Papers.Single().Sources.Single().Entry);
        Assert.Null(note.Papers.Single().Sources.Single().Entry);
        Assert.Equal("2410.19034", note.Papers.Single().Id);
    }

    [Fact]
    public void ByteOrderMarkDoesNotHideTheDigestDate()
    {
        var result = NoteParser.Parse("\uFEFF2024-10-29\nT\n(A B)\nabs\n#t\n", "d.txt");

        Assert.Equal(new DateOnly(2024, 10, 29), result.Papers.Single().Date);
    }

    [Fact]
    public void NullInputsParseToAWarningInsteadOfThrowing()
    {
        var result = NoteParser.Parse(null!, null!);

        Assert.Empty(result.Papers);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void RandomAndMutatedNotesNeverThrow()
    {
        var random = new Random(20241029);
        var samples = SampleNotes();
        for (var i = 0; i < RandomCases; i++)
        {
            var text = (i % 4) switch
            {
                0 => RandomText(random, random.Next(0, 400)),
                1 => Mutate(random, samples[random.Next(samples.Count)]),
                2 => Truncate(random, samples[random.Next(samples.Count)]),
                _ => HugeWord(random),
            };
            var path = i % 2 == 0 ? "arXiv/2024/241029 random.md" : RandomText(random, 12) + ".txt";

            var result = NoteParser.Parse(text, path);

            Assert.NotNull(result);
            Assert.DoesNotContain(result.Warnings, w => w.Code == WarningCodes.ParseError);
        }
    }

    /// <summary>Real notes when ../shared is present, plus hand-written ones so the test also runs without it.</summary>
    private static List<string> SampleNotes()
    {
        var samples = new List<string>
        {
            "https://arxiv.org/abs/2410.19034\n\n*T (x)* (A, B\n\n> abs\ncont\n\n한국어 [[n|s]]\n\n<enligsh>\nEn\n<english>\n#moe a\n",
            "2024년 10월 29일\nTitle\n(A, B)\nAbstract\n한국어\nEnglish\n#tag\nNext\n(C\n",
        };
        if (SharedData.Corpus is { } corpus)
        {
            samples.AddRange(Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).Where((_, index) => index % 40 == 0).Select(File.ReadAllText));
        }
        if (SharedData.SeedDigest is { } seed) samples.Add(File.ReadAllText(seed));
        return samples;
    }

    private static readonly string[] Fragments =
    [
        "\n", "\n\n", "(", ")", "*", "#", "# ", "##", "#tag", "<english>", "</english>", "<enligsh>", "> ", "let> ",
        "[[", "]]", "|", "https://arxiv.org/abs/", "2410.19034", "v2", ".pdf", "2024년 10월 29일", "\r\n", "\uFEFF",
        "\u0328", " \u0301", "ᄀ", "ᅡ", "ᆨ", "한", "🙂", "\uD83D", "\0", "\t", ",", " and ", "†", "¹",
    ];

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(random.Next(3) switch
            {
                0 => Fragments[random.Next(Fragments.Length)],
                1 => (char)random.Next(0x20, 0x3000),
                _ => (char)random.Next(0xAC00, 0xD7A4),
            });
        }
        return builder.ToString();
    }

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 30); edits > 0 && builder.Length > 0; edits--)
        {
            var at = random.Next(builder.Length);
            if (random.Next(2) == 0) builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at));
            else builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
        }
        return builder.ToString();
    }

    private static string Truncate(Random random, string text) => text[..random.Next(text.Length + 1)];

    private static string HugeWord(Random random) =>
        "https://arxiv.org/abs/2410.19034\n\n" + new string((char)random.Next(0x41, 0xD7A4), 10_240)
        + "\n(" + new string('a', 10_240) + "\n#" + new string('b', 10_240) + "\n";
}
