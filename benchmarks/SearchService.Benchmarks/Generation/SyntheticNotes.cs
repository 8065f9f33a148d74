using System.Text;

namespace SearchService.Benchmarks.Generation;

/// <summary>One generated vault note: where it goes under the corpus folder and its text.</summary>
public sealed record SyntheticNote(string RelativePath, string Text, string FirstTag);

/// <summary>
/// Writes vault notes (URL, italic title with authors, quoted abstract, Korean commentary, an <c>&lt;english&gt;</c>
/// block, tags) whose every field is drawn from a <see cref="CorpusProfile"/>. Each note gets its own arXiv id
/// (<c>yymm.nnnnn</c> in the month of the real note its shape came from) and a note name no other note has.
/// Deterministic for a seed.
/// </summary>
public sealed class SyntheticNotes(CorpusProfile profile, int seed)
{
    private const int KoreanParagraphWords = 60;
    private const int MaxNameChars = 80;
    private readonly Random random = new(seed);
    private readonly Dictionary<int, int> serialByMonth = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public SyntheticNote Next()
    {
        var shape = profile.Shapes.Next(random);
        var date = new DateOnly(shape.Date.Year, shape.Date.Month, 1 + random.Next(28));
        var id = NextId(date);
        var title = Sentence(profile.TitleWords, Math.Max(2, shape.TitleWords));
        var tags = Distinct(profile.Tags, shape.Tags);
        var text = new StringBuilder(4096);
        text.Append("https://arxiv.org/abs/").Append(id).Append("\n\n");
        text.Append('*').Append(title).Append('*');
        if (shape.Authors > 0) text.Append(" (").AppendJoin(", ", Distinct(profile.Authors, shape.Authors)).Append(')');
        text.Append("\n\n");
        if (shape.AbstractWords > 0) text.Append("> ").Append(Sentence(profile.EnglishWords, shape.AbstractWords)).Append("\n\n");
        for (var left = shape.KoreanWords; left > 0; left -= KoreanParagraphWords)
            text.Append(Sentence(profile.KoreanWords, Math.Min(left, KoreanParagraphWords))).Append("\n\n");
        if (shape.EnglishWords > 0) text.Append("<english>\n").Append(Sentence(profile.EnglishWords, shape.EnglishWords)).Append("\n</english>\n\n");
        if (tags.Count > 0) text.AppendJoin(' ', tags.Select(t => "#" + t)).Append('\n');
        var path = $"arXiv/{date.Year}/{date:yyMMdd} {UniqueName(title, id)}.md";
        return new SyntheticNote(path, text.ToString(), tags.FirstOrDefault() ?? "");
    }

    private string NextId(DateOnly date)
    {
        // Five-digit serials per month; a month that fills up lends its papers to the next one.
        var month = date.Year * 12 + date.Month - 1;
        while (serialByMonth.GetValueOrDefault(month) >= 99_999) month++;
        var serial = serialByMonth[month] = serialByMonth.GetValueOrDefault(month) + 1;
        return $"{month / 12 % 100:00}{month % 12 + 1:00}.{serial:00000}";
    }

    private string UniqueName(string title, string id)
    {
        var name = new string(title.Where(c => c is not ('/' or '\\' or '#' or '[' or ']' or '|' or '*' or '\n')).ToArray()).Trim();
        if (name.Length > MaxNameChars) name = name[..MaxNameChars].TrimEnd();
        // Two notes of one title keep apart by their id, as "SnapKV" and "SnapKV 1" do in the real vault.
        return names.Add(name) ? name : $"{name} {id}";
    }

    private string Sentence(WeightedSampler<string> words, int count)
    {
        var text = new StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(words.Next(random));
        }
        return text.ToString();
    }

    private List<string> Distinct(WeightedSampler<string> sampler, int count)
    {
        var picked = new List<string>(count);
        for (var tries = 0; picked.Count < count && tries < count * 4; tries++)
        {
            var item = sampler.Next(random);
            if (!picked.Contains(item, StringComparer.OrdinalIgnoreCase)) picked.Add(item);
        }
        return picked;
    }
}
