using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

/// <summary>One test per hazard of the note's top part (formats.md, "Hazards seen in the real corpus").</summary>
public sealed class VaultNoteHeaderHazardTests
{
    private static (Paper Paper, IReadOnlyList<ParseWarning> Warnings) Parse(string note, string path = "arXiv/2024/241029 Sample Note.md")
    {
        var result = VaultNoteParser.Parse(note, path);
        return (Assert.Single(result.Papers), result.Warnings);
    }

    [Fact]
    public void TypicalNoteYieldsEveryField()
    {
        var (paper, warnings) = Parse("""
            https://arxiv.org/abs/2410.19034

            *Mixture of Parrots: Experts improve memorization* (Samy Jelassi, Clara Mohri)

            > The Mixture-of-Experts (MoE) architecture enables ...

            MoE가 지식의 기억에는 효율적.

            <english>
            MoE is highly effective on memorizing.
            </english>

            #moe

            # Links
            [[241008 Round and Round We Go! What makes Rotary Positional Encodings useful]]
            """);

        Assert.Empty(warnings);
        Assert.Equal("2410.19034", paper.Id);
        Assert.Equal("https://arxiv.org/abs/2410.19034", paper.Url);
        Assert.Equal("Mixture of Parrots: Experts improve memorization", paper.Title);
        Assert.Equal(["Samy Jelassi", "Clara Mohri"], paper.Authors);
        Assert.Equal("The Mixture-of-Experts (MoE) architecture enables ...", paper.Abstract);
        Assert.Equal("MoE가 지식의 기억에는 효율적.", paper.KoreanCommentary);
        Assert.Equal("MoE is highly effective on memorizing.", paper.EnglishCommentary);
        Assert.Equal(["moe"], paper.Tags);
        Assert.Equal(new DateOnly(2024, 10, 29), paper.Date);
        Assert.Equal(["241008 Round and Round We Go! What makes Rotary Positional Encodings useful"], paper.Links);
        Assert.Equal([new PaperSource("arXiv/2024/241029 Sample Note.md")], paper.Sources);
    }

    [Fact]
    public void NoteWithoutTitleLineFallsBackToTheFileNameWithoutDate()
    {
        var (paper, warnings) = Parse("""
            https://arxiv.org/abs/1908.01259

            효과가 있는지 테스트해봐야.

            #backbone
            """, "arXiv/2019/190805 Attentive Normalization.md");

        Assert.Equal("Attentive Normalization", paper.Title);
        Assert.Empty(paper.Authors);
        Assert.Equal("효과가 있는지 테스트해봐야.", paper.KoreanCommentary);
        Assert.Contains(warnings, w => w.Code == WarningCodes.MissingTitle);
    }

    [Fact]
    public void TitleWordsBeforeTheUrlOnTheFirstLineNameThePaper()
    {
        var (paper, _) = Parse("""
            BlendMask https://arxiv.org/abs/2001.00309

            FCOS 저자의 instance segmentation 모델.

            #instance_segmentation
            """);

        Assert.Equal("BlendMask", paper.Title);
        Assert.Equal("2001.00309", paper.Id);
    }

    [Fact]
    public void NoteOpeningWithTextHasNoUrlButKeepsItsCommentary()
    {
        var (paper, warnings) = Parse("""
            구글이 달리기 시작했네.

            #llm
            """, "arXiv/2023/230518 구글 달리기.md");

        Assert.Null(paper.Url);
        Assert.Equal("구글 달리기", paper.Title);
        Assert.Equal("구글-달리기", paper.Id);
        Assert.Equal("구글이 달리기 시작했네.", paper.KoreanCommentary);
        Assert.Contains(warnings, w => w.Code == WarningCodes.MissingUrl);
    }

    [Fact]
    public void CommentaryOnTheUrlLineIsKoreanCommentary()
    {
        var (paper, _) = Parse("""
            https://arxiv.org/abs/1911.08265 이젠 알파고가 아타리도 한다.

            #reinforcement_learning
            """);

        Assert.Equal("1911.08265", paper.Id);
        Assert.Equal("이젠 알파고가 아타리도 한다.", paper.KoreanCommentary);
    }

    [Fact]
    public void NoteAboutSeveralPapersKeepsTheFirstAndWarns()
    {
        var (paper, warnings) = Parse("""
            https://arxiv.org/abs/2310.04373

            Confronting Reward Model Overoptimization with Constrained RLHF (Ted Moskovitz, Aaditya K. Singh)

            Reward 모델 과최적화 문제.

            https://arxiv.org/abs/2310.12773

            Safe RLHF: Safe Reinforcement Learning from Human Feedback (Josef Dai, Xuehai Pan)

            Reward 모델을 두 개 쓰는 상황.
            """);

        Assert.Equal("2310.04373", paper.Id);
        Assert.Equal("Confronting Reward Model Overoptimization with Constrained RLHF", paper.Title);
        Assert.Contains(warnings, w => w.Code == WarningCodes.SeveralPapers);
    }

    [Fact]
    public void ArxivLinkIsPreferredOverAProjectPageListedFirst()
    {
        var (paper, _) = Parse("""
            https://dreamfusion3d.github.io/
            https://arxiv.org/abs/2209.14988

            DreamFusion: Text-to-3D using 2D Diffusion (Ben Poole, Ajay Jain)
            """);

        Assert.Equal("2209.14988", paper.Id);
        Assert.Equal("DreamFusion: Text-to-3D using 2D Diffusion", paper.Title);
    }

    [Theory]
    [InlineData("*(Re)construing Meaning in NLP* (Sean Trott, Tiago Timponi Torrent)", "(Re)construing Meaning in NLP")]
    [InlineData("Scaling (Down) CLIP (Zichao Li, Cihang Xie)", "Scaling (Down) CLIP")]
    [InlineData("*Scaling (Down) CLIP: A Study* (Zichao Li, Cihang Xie)", "Scaling (Down) CLIP: A Study")]
    public void AuthorListIsTheLastParenthesisedGroupNotTheTitlesOwnBrackets(string titleLine, string expectedTitle)
    {
        var (paper, _) = Parse($"https://arxiv.org/abs/2404.08197\n\n{titleLine}\n\n#clip\n");

        Assert.Equal(expectedTitle, paper.Title);
        Assert.Equal(2, paper.Authors.Count);
    }

    [Fact]
    public void BracketsInsideAnItalicTitleAreNotAuthors()
    {
        var (paper, warnings) = Parse("https://example.org/x\n\n*Scaling (Down) CLIP*\n\n#clip\n");

        Assert.Equal("Scaling (Down) CLIP", paper.Title);
        Assert.Empty(paper.Authors);
        Assert.Contains(warnings, w => w.Code == WarningCodes.MissingAuthors);
    }

    [Fact]
    public void WrappedTitleLinesAreJoined()
    {
        var (plain, _) = Parse("""
            https://arxiv.org/abs/2011.09876

            DCT-Mask: Discrete Cosine Transform Mask Representation for Instance
              Segmentation (Xing Shen, Jirui Yang)

            mask를 dct 계수로 표현하기.
            """);
        var (italic, _) = Parse("""
            https://example.org/paper.pdf

            *A Hierarchical 3D Gaussian Representation for Real-Time Rendering of
            Very Large Datasets* (Bernhard Kerbl, Andreas Meuleman)
            """);

        Assert.Equal("DCT-Mask: Discrete Cosine Transform Mask Representation for Instance Segmentation", plain.Title);
        Assert.Equal(["Xing Shen", "Jirui Yang"], plain.Authors);
        Assert.Equal("mask를 dct 계수로 표현하기.", plain.KoreanCommentary);
        Assert.Equal("A Hierarchical 3D Gaussian Representation for Real-Time Rendering of Very Large Datasets", italic.Title);
        Assert.Equal(2, italic.Authors.Count);
    }

    [Fact]
    public void UnclosedAuthorListStillGivesTheAuthors()
    {
        var (paper, warnings) = Parse("""
            https://arxiv.org/abs/2110.10819

            Shaking the foundations: delusions in sequence models (Pedro A. Ortega, Markus Kunesch, Shane Legg

            흥미로운 관점.
            """);

        Assert.Equal("Shaking the foundations: delusions in sequence models", paper.Title);
        Assert.Equal(["Pedro A. Ortega", "Markus Kunesch", "Shane Legg"], paper.Authors);
        Assert.Contains(warnings, w => w.Code == WarningCodes.UnclosedAuthorList && w.Line == 3);
    }

    [Fact]
    public void NamesWithoutCommasTeamsAndPdfArtefactsAreCleaned()
    {
        var (joined, _) = Parse("https://github.com/deepseek-ai/DeepEP\n\n*DeepEP* (Chenggang Zhao and Shangyan Zhou and Liyue Zhang)\n");
        var (team, _) = Parse("https://arxiv.org/abs/2508.06471\n\n*GLM-4.5* (GLM-4.5 Team)\n");
        var (artefacts, _) = Parse("https://arxiv.org/abs/2501.00001\n\n*Some Model* (Jianzhou Wang1, Shuyang Sun*, Kamil Tr ̨ebacz)\n");

        Assert.Equal(["Chenggang Zhao", "Shangyan Zhou", "Liyue Zhang"], joined.Authors);
        Assert.Equal(["GLM-4.5 Team"], team.Authors);
        Assert.Equal(["Jianzhou Wang", "Shuyang Sun", "Kamil Trębacz"], artefacts.Authors);
        Assert.Equal("kamil trebacz", AuthorNames.Fold(artefacts.Authors[2]));
    }

    [Fact]
    public void TitleStartingWithHashIsATitleNotATag()
    {
        var (paper, _) = Parse("""
            https://arxiv.org/abs/2308.07074

            #InsTag: Instruction Tagging for Analyzing Supervised Fine-tuning (Keming Lu, Hongyi Yuan)

            #instruction-tuning
            """);

        Assert.Equal("#InsTag: Instruction Tagging for Analyzing Supervised Fine-tuning", paper.Title);
        Assert.Equal(["instruction-tuning"], paper.Tags);
    }

    [Fact]
    public void FileNameWithoutDateGivesNoDateAndAWarning()
    {
        var (paper, warnings) = Parse("https://arxiv.org/abs/2404.14219\n\n#llm\n", "arXiv/2024/Reka Core.md");

        Assert.Null(paper.Date);
        Assert.Equal("Reka Core", paper.Title);
        Assert.Contains(warnings, w => w.Code == WarningCodes.MissingDate);
    }

    [Fact]
    public void YearFolderThatDisagreesWithTheDateIsReported()
    {
        var (paper, warnings) = Parse("https://arxiv.org/abs/2212.08073\n\n#rlhf\n", "arXiv/2021/221215 Constitutional AI.md");

        Assert.Equal(new DateOnly(2022, 12, 15), paper.Date);
        Assert.Contains(warnings, w => w.Code == WarningCodes.YearFolderMismatch);
    }

    [Fact]
    public void EmptyNoteYieldsNoPaperAndANoContentWarning()
    {
        var result = VaultNoteParser.Parse(" \n\n", "arXiv/2024/240101 Empty.md");

        Assert.Empty(result.Papers);
        Assert.Equal(WarningCodes.NoContent, Assert.Single(result.Warnings).Code);
    }
}
