using System.Reflection;
using Lucene.Net.Analysis;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis.Terminology;

/// <summary>
/// The Korean-English terminology bridge: the embedded dictionary of ML and CS terms plus any user files,
/// keyed on analyzed forms. The Korean side goes through <see cref="KoreanAnalyzer"/> (without bigrams) and
/// the English side through <see cref="EnglishTextAnalyzer"/>, so 트랜스포머를 and "Transformers" reach
/// the same entry as the dictionary's 트랜스포머 and transformer. A spaced Korean term (강화 학습) is also
/// keyed glued (강화학습), since Korean writes compounds both ways.
/// </summary>
public sealed class TerminologyMap
{
    /// <summary>Manifest name of the built-in dictionary written by hand as terms came up.</summary>
    public const string EmbeddedResourceName = "SearchService.Core.Analysis.Terminology.terms.ko-en.tsv";

    /// <summary>
    /// Manifest name of the built-in field lexicon: the English terms the corpus uses most that the first file
    /// lacked, each with its Korean renderings (written from the corpus vocabulary, never from queries).
    /// </summary>
    public const string FieldLexiconResourceName = "SearchService.Core.Analysis.Terminology.field-terms.ko-en.tsv";

    private readonly Dictionary<string, List<Entry>> _byKey = new(StringComparer.Ordinal);

    private TerminologyMap(IReadOnlyList<TermPair> pairs)
    {
        Pairs = pairs;
        foreach (var pair in pairs)
        {
            var english = AnalyzedToken.Analyze(EnglishAnalyzer, pair.English);
            if (english.Count == 0)
            {
                continue;
            }
            AddKey(english, new Entry(pair.English, TermExpansion.Korean, pair.Korean, pair.Weight));
            foreach (var koreanForm in KoreanForms(pair.Korean))
            {
                var korean = AnalyzedToken.Analyze(KoreanTermAnalyzer, koreanForm);
                if (korean.Count == 0)
                {
                    continue;
                }
                AddKey(korean, new Entry(pair.Korean, TermExpansion.English, pair.English, pair.Weight));
            }
        }
    }

    /// <summary>Every pair loaded, built-in first, in file order.</summary>
    public IReadOnlyList<TermPair> Pairs { get; }

    /// <summary>A hash of every pair: changes whenever the dictionary does, so results derived from it can be keyed by it.</summary>
    public string Fingerprint => fingerprint ??= ContentHash.Of(string.Join('\n', Pairs.Select(p => p.Korean + '\t' + p.English)))[..16];
    private string? fingerprint;

    /// <summary>Longest key, in terms; matching never needs to look further ahead.</summary>
    internal int MaxKeyTerms { get; private set; }

    /// <summary>Korean analysis without bigrams: terminology matches whole words, and bigrams would over-match.</summary>
    internal static Analyzer KoreanTermAnalyzer { get; } = new KoreanAnalyzer(KoreanAnalysisOptions.Default with { Bigrams = false });

    internal static Analyzer EnglishAnalyzer { get; } = new EnglishTextAnalyzer();

    /// <summary>Loads the built-in dictionary, then each user file (same formats; see <see cref="TerminologyFileParser"/>).</summary>
    public static TerminologyMap Load(IEnumerable<string>? userFiles = null)
    {
        var pairs = LoadEmbedded();
        foreach (var path in userFiles ?? [])
        {
            using var reader = new StreamReader(path);
            pairs.AddRange(TerminologyFileParser.Parse(reader));
        }
        return new TerminologyMap(pairs);
    }

    /// <summary>A map of the given pairs only, without the built-in dictionary (for tests and tools).</summary>
    public static TerminologyMap FromPairs(IEnumerable<TermPair> pairs) => new(pairs.ToList());

    /// <summary>The built-in pairs: the hand dictionary, then the field lexicon.</summary>
    public static List<TermPair> LoadEmbedded() => [.. LoadEmbedded(EmbeddedResourceName), .. LoadEmbedded(FieldLexiconResourceName)];

    /// <summary>The pairs of one built-in file (<see cref="EmbeddedResourceName"/> or <see cref="FieldLexiconResourceName"/>).</summary>
    public static List<TermPair> LoadEmbedded(string resourceName)
    {
        using var stream = typeof(TerminologyMap).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return TerminologyFileParser.Parse(reader).ToList();
    }

    /// <summary>Entries whose analyzed key is exactly these terms, in order.</summary>
    internal IReadOnlyList<Entry> Lookup(IEnumerable<string> terms) =>
        _byKey.TryGetValue(string.Join(' ', terms), out var entries) ? entries : [];

    private void AddKey(List<AnalyzedToken> tokens, Entry entry)
    {
        var key = string.Join(' ', tokens.Select(t => t.Term));
        if (!_byKey.TryGetValue(key, out var entries))
        {
            entries = [];
            _byKey[key] = entries;
        }
        if (!entries.Contains(entry))
        {
            entries.Add(entry);
        }
        MaxKeyTerms = Math.Max(MaxKeyTerms, tokens.Count);
    }

    private static IEnumerable<string> KoreanForms(string korean)
    {
        yield return korean;
        if (korean.Contains(' '))
        {
            yield return korean.Replace(" ", "", StringComparison.Ordinal);
        }
    }

    /// <summary>What a key leads to: the dictionary text on both sides and the language of the target.</summary>
    internal readonly record struct Entry(string Source, string TargetLanguage, string Target, float Weight);
}
