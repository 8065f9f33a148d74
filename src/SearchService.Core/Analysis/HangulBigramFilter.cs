using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>
/// After each Hangul word of at least <see cref="MinWordLength"/> syllables, emits its overlapping bigrams at
/// the same position. Korean writes compounds both glued and spaced (강화학습, 강화 학습); with the bigrams a
/// glued word also holds 강화 and 학습, so either spelling finds the other. Shorter words are left alone:
/// a two-syllable word is its own bigram.
/// </summary>
public sealed class HangulBigramFilter : TokenFilter
{
    /// <summary>Words shorter than this are not split into bigrams.</summary>
    public const int MinWordLength = 3;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _posInc;

    private char[] _word = [];
    private int _wordLength;
    private int _wordStart;
    private int _wordEnd;
    private bool _exactOffsets;
    private int _nextBigram = -1;

    public HangulBigramFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_nextBigram >= 0)
        {
            EmitBigram();
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_type.Type == HangulScript.TokenType && _term.Length >= MinWordLength)
        {
            RememberWord();
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _nextBigram = -1;
    }

    private void RememberWord()
    {
        _wordLength = _term.Length;
        if (_word.Length < _wordLength)
        {
            _word = new char[_wordLength];
        }
        Array.Copy(_term.Buffer, _word, _wordLength);
        _wordStart = _offset.StartOffset;
        _wordEnd = _offset.EndOffset;
        // A stemmed word is shorter than its span; its bigrams still start where the word starts.
        _exactOffsets = _wordEnd - _wordStart >= _wordLength;
        _nextBigram = 0;
    }

    private void EmitBigram()
    {
        var i = _nextBigram;
        _term.CopyBuffer(_word, i, 2);
        if (_exactOffsets)
        {
            _offset.SetOffset(_wordStart + i, _wordStart + i + 2);
        }
        else
        {
            _offset.SetOffset(_wordStart, _wordEnd);
        }
        _posInc.PositionIncrement = 0;
        _nextBigram = i + 2 < _wordLength ? i + 1 : -1;
    }
}
