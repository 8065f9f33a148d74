using System.Text;

namespace SearchService.Tests.Robustness;

/// <summary>
/// Seeded generators of hostile input: random Unicode from the ranges that break text handling (Hangul
/// jamo, emoji, lone surrogates, NULs, combining marks, right-to-left, query syntax, huge words) and
/// line-level mutations of real notes. Seeded, so a failure replays.
/// </summary>
public sealed class HostileText(int seed)
{
    private const string Syntax = "\"()[]{}:*?~^+-!&|/\\#<>=%@`';,.";
    private static readonly string[] NoteLines =
    [
        "https://arxiv.org/abs/", "https://arxiv.org/abs/2410.99999v3", "arXiv:", "http://", "*", "**", "* (", "*Title* (",
        "(", ")", "> ", "<english>", "</english>", "#", "# ", "##", "#tag #", "[[", "]]", "[[note]]", "2024년 13월 45일",
        "2024년 10월 29일", "---", "```", "\t", "\u00A0", "\uFEFF",
    ];

    public Random Random { get; } = new(seed);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>Up to <paramref name="maxLength"/> chars drawn from one hostile range after another; occasionally one 10 KB word.</summary>
    public string Text(int maxLength)
    {
        if (Random.Next(40) == 0) return new string(Pick(['a', '가', 'ᄀ', '0']), 10 * 1024);
        var length = Random.Next(maxLength + 1);
        var text = new StringBuilder(length + 2);
        while (text.Length < length) AppendRun(text, Random.Next(1, 12));
        return text.ToString();
    }

    private void AppendRun(StringBuilder text, int count)
    {
        var kind = Random.Next(13);
        for (var i = 0; i < count; i++)
        {
            switch (kind)
            {
                case 0: text.Append((char)Random.Next(0x20, 0x7F)); break;
                case 1: text.Append((char)Random.Next(0xAC00, 0xD7A4)); break; // Hangul syllables
                case 2: text.Append((char)Random.Next(0x1100, 0x1200)); break; // Hangul jamo
                case 3: text.Append((char)Random.Next(0x3131, 0x318F)); break; // compatibility jamo
                case 4: text.Append(char.ConvertFromUtf32(Random.Next(0x1F300, 0x1FAF0))); break; // emoji
                case 5: text.Append((char)Random.Next(0xD800, 0xE000)); break; // a lone surrogate
                case 6: text.Append('\0'); break;
                case 7: text.Append((char)Random.Next(0x0300, 0x0370)); break; // combining marks
                case 8: text.Append((char)Random.Next(0x0590, 0x0700)); break; // Hebrew and Arabic
                case 9: text.Append(Syntax[Random.Next(Syntax.Length)]); break;
                case 10: text.Append(Pick([' ', '\t', '\n', '\r', '\u2028', '\u200B', '\u3000'])); break;
                case 11: text.Append((char)Random.Next(0x01, 0x20)); break; // control characters
                default: text.Append((char)Random.Next(0x4E00, 0xA000)); break; // CJK ideographs
            }
        }
    }

    /// <summary>A note damaged line by line: lines deleted, duplicated, swapped, cut, spliced with hostile text or note syntax.</summary>
    public string Mutate(string note)
    {
        var lines = note.Split('\n').ToList();
        var edits = Random.Next(1, 8);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var at = Random.Next(lines.Count);
            switch (Random.Next(8))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                case 2:
                    var other = Random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3: lines[at] = lines[at][..Random.Next(lines[at].Length + 1)]; break;
                case 4: lines[at] = lines[at].Insert(Random.Next(lines[at].Length + 1), Text(30)); break;
                case 5: lines.Insert(at, Pick(NoteLines) + Text(10)); break;
                case 6: lines[at] = Pick(NoteLines); break;
                default: lines.Insert(at, Text(200)); break;
            }
        }
        var text = string.Join(Pick(["\n", "\r\n", "\r"]), lines);
        // Sometimes the file stops mid-way, as if caught while being written.
        return Random.Next(5) == 0 ? text[..Random.Next(text.Length + 1)] : text;
    }

    /// <summary>UTF-8 of <paramref name="text"/>, sometimes with raw bytes that are not UTF-8 spliced in or cut mid-character.</summary>
    public byte[] Bytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        switch (Random.Next(4))
        {
            case 0:
                for (var i = Random.Next(1, 6); i > 0; i--)
                    bytes.Insert(Random.Next(bytes.Count + 1), Pick<byte>([0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xF8, 0x00]));
                break;
            case 1:
                var cut = Random.Next(bytes.Count + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
        }
        return [.. bytes];
    }

    /// <summary>Percent-encodes UTF-8 bytes, so that any string, lone surrogates included, becomes a URL component.</summary>
    public static string Escape(string value) => Escape(Encoding.UTF8.GetBytes(value));

    public static string Escape(IEnumerable<byte> bytes)
    {
        var escaped = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                escaped.Append((char)b);
            else
                escaped.Append('%').Append(b.ToString("X2"));
        }
        return escaped.ToString();
    }
}
