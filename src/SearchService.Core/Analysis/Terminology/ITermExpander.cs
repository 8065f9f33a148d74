namespace SearchService.Core.Analysis.Terminology;

/// <summary>Gives the terms of a query their equivalents in the other language, for the keyword query to search too.</summary>
public interface ITermExpander
{
    IReadOnlyList<TermExpansion> Expand(string queryText);
}
