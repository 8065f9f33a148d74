namespace SearchService.Core.Search;

/// <summary>Which part of a paper a query clause looks at; <see cref="Any"/> means every text field.</summary>
public enum ClauseField { Any, Title, Abstract, Author, Tag }

/// <summary>One part of a user's query: a word, a "quoted phrase", optionally with a field prefix and a leading '-'.</summary>
public sealed record QueryClause(string Text, ClauseField Field = ClauseField.Any, bool IsPhrase = false, bool IsExcluded = false);
