using SearchService.Core.Notes;

namespace SearchService.Tests.Notes;

public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("Muñoz", "munoz")]
    [InlineData("Pérez-Rúa", "perez-rua")]
    [InlineData("Jürgen Schmidhuber", "jurgen schmidhuber")]
    [InlineData("Schmidhuber", "schmidhuber")]
    [InlineData("Tr ̨ebacz", "trebacz")]
    [InlineData("Barlas Oğuz", "barlas oguz")]
    [InlineData("Søren  Hauberg", "soren hauberg")]
    [InlineData("Łukasz Kaiser", "lukasz kaiser")]
    public void FoldingRemovesAccentsAndCaseSoTypedNamesMatch(string name, string expected) =>
        Assert.Equal(expected, AuthorNames.Fold(name));

    [Theory]
    [InlineData("Jianzhou Wang1", "Jianzhou Wang")]
    [InlineData("Shuyang Sun*", "Shuyang Sun")]
    [InlineData("Yi Li†‡", "Yi Li")]
    [InlineData("Enze Xie¹²", "Enze Xie")]
    [InlineData("GLM-4.5 Team", "GLM-4.5 Team")]
    [InlineData("Tr ̨ebacz", "Trębacz")]
    public void CleaningRemovesPdfArtefactsButKeepsVersionNumbers(string raw, string expected) =>
        Assert.Equal(expected, AuthorNames.Clean(raw));

    [Fact]
    public void AuthorListsSplitOnCommasAndConjunctions()
    {
        Assert.Equal(["A B", "C D", "E F"], AuthorNames.Split("A B, C D, and E F"));
        Assert.Equal(["Chenggang Zhao", "Liang Zhao", "Jiashi Li"], AuthorNames.Split("Chenggang Zhao and Liang Zhao and Jiashi Li"));
        Assert.Equal(["Numina", "Kimi Team"], AuthorNames.Split("Numina & Kimi Team"));
        Assert.Equal(["K2 Team", "Zhengzhong Liu", "Liping Tang"], AuthorNames.Split("K2 Team: Zhengzhong Liu, Liping Tang"));
        Assert.Equal(["Jane Roe"], AuthorNames.Split("Jane Roe, et al."));
    }

    [Fact]
    public void TeamsStayOneAuthor() =>
        Assert.Equal(["The Movie Gen team @ Meta"], AuthorNames.Split("The Movie Gen team @ Meta"));
}
