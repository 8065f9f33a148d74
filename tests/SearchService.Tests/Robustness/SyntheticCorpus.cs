using System.Globalization;

namespace SearchService.Tests.Robustness;

/// <summary>
/// A generated vault of small notes in the corpus's own format, for tests that need thousands of files.
/// Every tenth note repeats the arXiv URL of the note before it, so merging two files into one paper is exercised.
/// Every note contains the word "synthetic", so one query matches every paper.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Topics = ["attention", "diffusion", "retrieval", "optimizer", "tokenizer", "reasoning", "memorization", "distillation"];
    private static readonly string[] KoreanTopics = ["어텐션", "확산 모델", "검색", "옵티마이저", "토크나이저", "추론", "기억", "증류"];

    /// <summary>The word the note of number <paramref name="i"/> alone contains, to find one known paper.</summary>
    public static string MarkerOf(int i) => "marker" + ToLetters(i);

    /// <summary>Writes <paramref name="count"/> notes under <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, int count)
    {
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var date = new DateOnly(2023, 1, 1).AddDays(i % 700);
            var path = Path.Combine(folder, date.Year.ToString(CultureInfo.InvariantCulture), $"{date:yyMMdd} Synthetic note {i:D5}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Note(i));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The arXiv id note <paramref name="i"/> links to: shared by note i and note i+1 when i+1 is a multiple of ten.</summary>
    public static string ArxivIdOf(int i)
    {
        var paper = i % 10 == 9 ? i - 1 : i;
        return $"24{1 + paper / 90_000 % 12:D2}.{paper % 90_000 + 10_000:D5}";
    }

    public static string Note(int i)
    {
        var topic = Topics[i % Topics.Length];
        var korean = KoreanTopics[i % KoreanTopics.Length];
        return $"""
            https://arxiv.org/abs/{ArxivIdOf(i)}

            *Synthetic study {i} of {topic} at scale* (Author{ToLetters(i % 97)} Kim, Writer{ToLetters(i % 89)} Lee)

            > We study {topic} in a synthetic setting with {MarkerOf(i)} and report results.

            {korean}에 대한 합성 노트 {i}번. 결과가 흥미롭다.

            <english>
            A synthetic note about {topic}.
            </english>

            #synthetic #{topic} #batch{i % 20}
            """;
    }

    /// <summary>Letters only, since analyzers split words at digits.</summary>
    private static string ToLetters(int n)
    {
        var letters = new System.Text.StringBuilder();
        do
        {
            letters.Insert(0, (char)('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return letters.ToString();
    }
}
