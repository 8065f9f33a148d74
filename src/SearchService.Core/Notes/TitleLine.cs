namespace SearchService.Core.Notes;

/// <summary>
/// A title line split into the title and its author list. The author list is the last complete
/// parenthesised group at the end of the line, because titles carry their own brackets
/// ("(Re)construing ...", "Scaling (Down) CLIP"); in an italic title ("*...* (...)") a group inside the
/// italics is part of the title. A '(' never closed starts an author list that was cut off.
/// </summary>
internal sealed record TitleLine(string Title, string AuthorGroup, bool AuthorGroupUnclosed)
{
    public bool HasAuthors => AuthorGroup.Length > 0;

    public static TitleLine Parse(string line)
    {
        var text = line.Trim();
        var italicEnd = ItalicEnd(text);

        var closedStart = LastClosedGroupStart(text);
        if (closedStart > italicEnd && IsAuthorText(text[(closedStart + 1)..^1]))
        {
            return new TitleLine(CleanTitle(text[..closedStart]), text[(closedStart + 1)..^1].Trim(), false);
        }

        var openStart = LastUnclosedParenthesis(text);
        if (openStart > italicEnd && IsAuthorText(text[(openStart + 1)..]))
        {
            return new TitleLine(CleanTitle(text[..openStart]), text[(openStart + 1)..].Trim(), true);
        }

        return new TitleLine(CleanTitle(text), "", false);
    }

    /// <summary>True while a wrapped title still waits for its next line: italics or author list not closed yet.</summary>
    public static bool LooksUnfinished(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('*') && ItalicEnd(trimmed) < 0) return true;
        return LastUnclosedParenthesis(trimmed) >= 0;
    }

    /// <summary>Index of the '*' closing an italic title, -1 when the line is not italic or never closes.</summary>
    private static int ItalicEnd(string text)
    {
        if (!text.StartsWith('*')) return -1;
        var start = 0;
        while (start < text.Length && text[start] == '*') start++;
        return text.IndexOf('*', start);
    }

    /// <summary>Start of the parenthesised group that ends the line, or -1.</summary>
    private static int LastClosedGroupStart(string text)
    {
        if (!text.EndsWith(')')) return -1;
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')') depth++;
            else if (text[i] == '(' && --depth == 0) return i;
        }
        return -1;
    }

    private static int LastUnclosedParenthesis(string text)
    {
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') open.Push(i);
            else if (text[i] == ')' && open.Count > 0) open.Pop();
        }
        return open.Count > 0 ? open.Peek() : -1;
    }

    // A group holding a link is a reference ("Title (https://arxiv.org/...)"), not a list of people.
    private static bool IsAuthorText(string group) =>
        Script.ContainsLetter(group) && !group.Contains("://", StringComparison.Ordinal);

    private static string CleanTitle(string title) => title.Trim().Trim('*', '_').Trim();
}
