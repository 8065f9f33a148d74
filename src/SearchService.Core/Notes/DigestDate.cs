using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchService.Core.Notes;

/// <summary>The date line that opens a daily digest: "2024년 10월 29일" or ISO "2024-10-29".</summary>
internal static partial class DigestDate
{
    public static bool TryParse(string line, out DateOnly date)
    {
        date = default;
        var trimmed = line.Trim();
        var korean = KoreanDate().Match(trimmed);
        if (korean.Success)
        {
            return TryCreate(korean.Groups["y"].Value, korean.Groups["m"].Value, korean.Groups["d"].Value, out date);
        }
        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryCreate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*년\s*(?<m>\d{1,2})\s*월\s*(?<d>\d{1,2})\s*일$")]
    private static partial Regex KoreanDate();
}
