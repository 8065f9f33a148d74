using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Applies <see cref="KoreanParticleStemmer"/> to Hangul tokens (type <c>&lt;HANGUL&gt;</c>), so 모델이, 모델을,
/// 모델의 all index as 모델 and 학습하는, 학습한 as 학습. Latin tokens pass through: English has its own stemmer.
/// </summary>
public sealed class KoreanParticleStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public KoreanParticleStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_type.Type == HangulScript.TokenType)
        {
            // Offsets stay on the whole word: a highlight should cover 모델을, not only 모델.
            _term.Length = KoreanParticleStemmer.StemLength(_term.Buffer.AsSpan(0, _term.Length));
        }
        return true;
    }
}
