using System.Text;
using Lucene.Net.Analysis;
using SearchService.Core.Analysis;
using SearchService.Core.Analysis.Terminology;

namespace SearchService.Tests.Analysis;

/// <summary>
/// Arbitrary text through every analyzer, the splitter and the expansion, in the spirit of lucenenet's
/// CheckRandomData: nothing may throw, and every token must keep the stream contract TokenStreamAssert checks.
/// Seeded, so a failure replays.
/// </summary>
public sealed class RandomInputTests
{
    private const int Iterations = 300;

    private static readonly Lazy<QueryExpansion> s_expansion = new(() => new QueryExpansion(TerminologyMap.Load()));

    public static TheoryData<string> AnalyzerNames => ["korean", "korean-bigrams", "korean-no-stemming", "korean-no-split", "english", "author"];

    private static Analyzer Create(string name) => name switch
    {
        "korean" => new KoreanAnalyzer(),
        "korean-bigrams" => new KoreanAnalyzer(new KoreanAnalysisOptions(Bigrams: true)),
        "korean-no-stemming" => new KoreanAnalyzer(new KoreanAnalysisOptions(Stemming: false, Bigrams: true)),
        "korean-no-split" => new KoreanAnalyzer(new KoreanAnalysisOptions(LatinSplit: false, Bigrams: true)),
        "english" => new EnglishTextAnalyzer(),
        _ => new AuthorAnalyzer(),
    };

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void AnalyzerSurvivesRandomText(string name)
    {
        using var analyzer = Create(name);
        var random = new Random(name.Length * 7919);
        for (var i = 0; i < Iterations; i++)
        {
            TokenStreamAssert.Analyze(analyzer, RandomText(random, random.Next(0, 200)));
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void AnalyzerSurvivesHugeWord(string name)
    {
        using var analyzer = Create(name);
        var random = new Random(42);
        foreach (var alphabet in new[] { "가나다라마바사", "abcdefg", "a가1" })
        {
            var word = new string(Enumerable.Range(0, 10_000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            TokenStreamAssert.Analyze(analyzer, word + "를 " + word);
        }
    }

    [Fact]
    public void SplitterAndExpansionSurviveRandomText()
    {
        var splitter = new QueryTextSplitter();
        var random = new Random(1234);
        for (var i = 0; i < Iterations; i++)
        {
            var text = RandomText(random, random.Next(0, 120));
            splitter.Split(text);
            foreach (var expansion in s_expansion.Value.Expand(text))
            {
                Assert.False(string.IsNullOrEmpty(expansion.Source));
            }
        }
    }

    // Mixes the troublemakers: Hangul syllables and jamo, Latin with accents, full-width forms, digits,
    // emoji and other surrogate pairs, lone surrogates, combining marks, control characters and spaces.
    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(12))
            {
                case 0: builder.Append((char)random.Next(0xAC00, 0xD7A4)); break;
                case 1: builder.Append((char)random.Next(0x1100, 0x1200)); break;
                case 2: builder.Append((char)random.Next(0x3130, 0x3190)); break;
                case 3: builder.Append((char)random.Next('a', 'z' + 1)); break;
                case 4: builder.Append((char)random.Next(0xFF01, 0xFF5F)); break;
                case 5: builder.Append((char)random.Next('0', '9' + 1)); break;
                case 6: builder.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                case 7: builder.Append((char)random.Next(0xD800, 0xE000)); break;
                case 8: builder.Append((char)random.Next(0x0300, 0x0370)); break;
                case 9: builder.Append((char)random.Next(0, 0x20)); break;
                case 10: builder.Append(" ,.-'?#\t\n"[random.Next(9)]); break;
                default: builder.Append((char)random.Next(0x20, 0xFFFF)); break;
            }
        }
        return builder.ToString();
    }
}
