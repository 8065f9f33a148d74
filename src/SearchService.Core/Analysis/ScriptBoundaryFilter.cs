using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchService.Core.Notes;

namespace SearchService.Core.Analysis;

/// <summary>
/// Splits a token where Hangul meets another script, so an English term glued to a Korean particle
/// (<c>Transformer를</c>, <c>7B모델</c>, <c>10배</c>) becomes separate tokens that each get the right analysis.
/// Hangul pieces are typed <c>&lt;HANGUL&gt;</c>, digit-only pieces <c>&lt;NUM&gt;</c>, the rest <c>&lt;ALPHANUM&gt;</c>.
/// </summary>
public sealed class ScriptBoundaryFilter : TokenFilter
{
    private const string NumType = "<NUM>";
    private const string AlphanumType = "<ALPHANUM>";

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _posInc;

    private readonly Queue<Piece> _pending = new();
    private State? _state;

    public ScriptBoundaryFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            EmitPiece(_pending.Dequeue(), positionIncrement: 1);
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_term.Length == 0)
        {
            return true;
        }

        var pieces = SplitIntoRuns(_term.Buffer, _term.Length, _offset.StartOffset, _offset.EndOffset);
        if (pieces.Count == 1)
        {
            // Typing whole Hangul tokens here too lets later filters trust the type, whatever the tokenizer said.
            if (pieces[0].Type == HangulScript.TokenType)
            {
                _type.Type = HangulScript.TokenType;
            }
            return true;
        }

        _state = CaptureState();
        for (var i = 1; i < pieces.Count; i++)
        {
            _pending.Enqueue(pieces[i]);
        }
        EmitPiece(pieces[0], _posInc.PositionIncrement);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _state = null;
    }

    private void EmitPiece(Piece piece, int positionIncrement)
    {
        if (_state is not null)
        {
            RestoreState(_state);
        }
        _term.SetEmpty().Append(piece.Text);
        _offset.SetOffset(piece.Start, piece.End);
        _type.Type = piece.Type;
        _posInc.PositionIncrement = positionIncrement;
    }

    private static List<Piece> SplitIntoRuns(char[] buffer, int length, int start, int end)
    {
        var pieces = new List<Piece>(2);
        // Offsets can only be split exactly when no char filter changed the token's length.
        var exactOffsets = end - start == length;
        var runStart = 0;
        for (var i = 1; i <= length; i++)
        {
            if (i < length && Script.IsHangul(buffer[i]) == Script.IsHangul(buffer[runStart]))
            {
                continue;
            }
            // A surrogate pair never straddles a boundary: both halves are non-Hangul.
            var text = new string(buffer, runStart, i - runStart);
            var pieceStart = exactOffsets ? start + runStart : start;
            var pieceEnd = exactOffsets ? start + i : end;
            pieces.Add(new Piece(text, pieceStart, pieceEnd, TypeOf(text)));
            runStart = i;
        }
        return pieces;
    }

    private static string TypeOf(string run)
    {
        if (Script.IsHangul(run[0]))
        {
            return HangulScript.TokenType;
        }
        // "1.5" from "1.5배" is a number too, so the decimal separators count as digits here.
        return char.IsDigit(run[0]) && run.All(c => char.IsDigit(c) || c is '.' or ',') ? NumType : AlphanumType;
    }

    private readonly record struct Piece(string Text, int Start, int End, string Type);
}
