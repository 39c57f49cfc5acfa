using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Events;

namespace Pipeline.Articles.Suggest;

/// <summary>
/// Finds dated expressions in English news text by fixed rules (regular expressions plus a few context
/// checks), resolving relative ones against the publication day. The rules are frozen: the labelled test set
/// in <c>tests/Pipeline.Tests/Articles/Suggest</c> measures them, and changing a rule means measuring again.
/// </summary>
/// <remarks>
/// Forms, longest match first when two overlap: ISO <c>2020-01-03</c>; <c>3 January 2020</c>; <c>January 3, 2020</c>;
/// numeric <c>13/1/2020</c> (day and month read either way; used only when one reading is impossible or both agree);
/// a day and month without a year (the latest such day on or before publication); month ranges
/// (<c>between March and June 2019</c>); month + year, with <c>since</c> making a period to publication; year ranges
/// (<c>1978-1987</c>, <c>from 2011 to 2014</c>, <c>between 2011 and 2014</c>, <c>2014-15</c>); decades
/// (<c>the 1990s</c>, <c>the early 2000s</c>, <c>the '90s</c>); a bare year 1800..publication+10 unless its context
/// marks a count, page, time, phone number, money or model year; and expressions relative to publication
/// (<c>yesterday</c>, <c>this/last/next week|month|year</c>, <c>earlier this year</c>, <c>two years ago</c>,
/// <c>in recent months</c>, <c>over the past three years</c>, <c>since April</c>, <c>in March</c>, weekday names,
/// <c>recently</c>). A relative week runs Monday to Sunday.
/// </remarks>
public static partial class DateExpressionFinder
{
    /// <summary>Every <see cref="DateExpression.Form"/> the finder emits.</summary>
    public static readonly IReadOnlyList<string> Forms =
        ["iso-date", "full-date", "numeric-date", "day-month", "month-range", "month-year", "month", "year-range", "decade", "year", "relative", "weekday"];

    private const string Mon = "January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

    private static readonly HashSet<string> CountNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "person", "civilians", "soldiers", "fighters", "troops", "men", "women", "children", "refugees",
        "migrants", "dead", "deaths", "killed", "casualties", "victims", "families", "homes", "houses", "households",
        "students", "members", "seats", "votes", "cases", "km", "kilometres", "kilometers", "miles", "metres", "meters",
        "feet", "ft", "kg", "tonnes", "tons", "barrels", "dollars", "euros", "pounds", "liras", "dinars", "hours", "hrs",
        "gmt", "utc", "pages", "words", "rounds", "units", "vehicles", "rockets", "missiles", "shells", "mines", "drones",
        "aircraft", "planes", "ships", "boats", "cars", "trucks", "tanks", "guns", "rifles", "prisoners", "detainees",
        "hostages", "protesters", "demonstrators", "mercenaries", "militants", "rebels", "policemen", "officers",
        "workers", "employees", "residents", "inhabitants", "voters", "signatures", "times", "others", "of", "per",
        "injured", "wounded", "displaced", "arrests", "arrested", "strikes", "airstrikes", "attacks", "incidents", "events",
    };

    private static readonly HashSet<string> NonDatePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "pages", "p", "pp", "no", "nos", "number", "room", "flight", "route", "highway", "road", "resolution",
        "article", "articles", "section", "chapter", "law", "decree", "code", "phone", "tel", "telephone", "call", "ext",
        "fax", "unit", "bus", "platform", "gate", "model", "serial", "id", "ref", "pin", "box", "suite", "apartment",
        "at", "least", "than", "nearly", "almost", "some", "killed", "killing", "wounded", "injured", "displaced",
        "arrested", "total", "approximately", "roughly", "estimated", "exactly", "only", "just", "over", "aged", "age",
        "usd", "eur", "lyd", "us$", "vol", "volume", "issue", "file", "case", "item", "paragraph", "line", "version",
    };

    private static readonly HashSet<string> DatePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "until", "till", "during", "of", "from", "before", "after", "early", "late", "mid", "around",
        "circa", "summer", "spring", "autumn", "winter", "fall", "year", "end", "throughout", "through",
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["couple of"] = 2, ["a couple of"] = 2, ["few"] = 3, ["a few"] = 3, ["several"] = 5,
    };

    private delegate DateExpression? Rule(Match match, int paragraph, DateOnly published);

    private static readonly (Regex Pattern, Rule Read)[] Rules =
    [
        (IsoDate(), ReadIsoDate),
        (DayMonthYear(), ReadFullDate),
        (MonthDayYear(), ReadFullDate),
        (NumericDate(), ReadNumericDate),
        (MonthRange(), ReadMonthRange),
        (MonthYear(), ReadMonthYear),
        (DayMonth(), ReadDayMonth),
        (MonthDay(), ReadDayMonth),
        (YearRange(), ReadYearRange),
        (Decade(), ReadDecade),
        (BareYear(), ReadBareYear),
        (Yesterday(), ReadYesterday),
        (ThisLastNext(), ReadThisLastNext),
        (Ago(), ReadAgo),
        (RecentSpan(), ReadRecentSpan),
        (SinceMonth(), ReadMonthAlone),
        (PrepositionMonth(), ReadMonthAlone),
        (Weekday(), ReadWeekday),
        (Recently(), ReadRecently),
    ];

    /// <summary>All dated expressions in the paragraphs, in paragraph and offset order, overlaps resolved to the longest.</summary>
    public static IReadOnlyList<DateExpression> Find(IReadOnlyList<string> paragraphs, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var result = new List<DateExpression>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            result.AddRange(FindIn(paragraphs[i], i + 1, published));
        }

        return result;
    }

    /// <summary>
    /// Numeric dates <see cref="Find"/> leaves out because day and month could be swapped (<c>3/1/2020</c>): paragraph,
    /// offset and length of each, so the caller can say so instead of dropping them silently.
    /// </summary>
    public static IReadOnlyList<(int Paragraph, int Offset, int Length)> AmbiguousNumericDates(IReadOnlyList<string> paragraphs, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var result = new List<(int, int, int)>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (Match m in NumericDate().Matches(paragraphs[i]))
            {
                var year = Int(m.Groups["year"]);
                if (PlausibleYear(year, published) && ReadNumericDate(m, i + 1, published) is null
                    && SafeDate(year, Int(m.Groups["b"]), Int(m.Groups["a"])) is not null && SafeDate(year, Int(m.Groups["a"]), Int(m.Groups["b"])) is not null)
                {
                    result.Add((i + 1, m.Index, m.Length));
                }
            }
        }

        return result;
    }

    /// <summary>The dated expressions in one paragraph (numbered <paramref name="paragraph"/>).</summary>
    public static IReadOnlyList<DateExpression> FindIn(string text, int paragraph, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<(DateExpression Found, int Priority)>();
        for (var r = 0; r < Rules.Length; r++)
        {
            foreach (Match m in Rules[r].Pattern.Matches(text))
            {
                if (Rules[r].Read(m, paragraph, published) is { } found)
                {
                    candidates.Add((found, r));
                }
            }
        }

        var kept = new List<DateExpression>();
        foreach (var (found, _) in candidates.OrderBy(c => c.Found.Offset).ThenByDescending(c => c.Found.Length).ThenBy(c => c.Priority))
        {
            if (kept.All(k => found.Offset >= k.Offset + k.Length || found.Offset + found.Length <= k.Offset))
            {
                kept.Add(found);
            }
        }

        return kept.OrderBy(k => k.Offset).ToList();
    }

    private static DateExpression Make(Match m, int paragraph, string form, MentionKind kind, DatePrecision precision, DateOnly from, DateOnly to, double confidence) =>
        new(paragraph, m.Index, m.Length, form, kind, precision, from, to, confidence);

    private static int MonthNumber(string name) =>
        DateTime.ParseExact(name[..3], "MMM", CultureInfo.InvariantCulture).Month;

    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool PlausibleYear(int year, DateOnly published) => year >= 1800 && year <= published.Year + 10;

    private static DateExpression? ReadIsoDate(Match m, int p, DateOnly pub) =>
        SafeDate(Int(m.Groups["year"]), Int(m.Groups["m"]), Int(m.Groups["d"])) is { } d && PlausibleYear(d.Year, pub)
            ? Make(m, p, "iso-date", MentionKind.Point, DatePrecision.Day, d, d, 0.95)
            : null;

    private static DateExpression? ReadFullDate(Match m, int p, DateOnly pub) =>
        SafeDate(Int(m.Groups["year"]), MonthNumber(m.Groups["mon"].Value), Int(m.Groups["d"])) is { } d && PlausibleYear(d.Year, pub)
            ? Make(m, p, "full-date", MentionKind.Point, DatePrecision.Day, d, d, 0.95)
            : null;

    private static DateExpression? ReadNumericDate(Match m, int p, DateOnly pub)
    {
        var a = Int(m.Groups["a"]);
        var b = Int(m.Groups["b"]);
        var year = Int(m.Groups["year"]);
        if (!PlausibleYear(year, pub))
        {
            return null;
        }

        var dayFirst = SafeDate(year, b, a);
        var monthFirst = SafeDate(year, a, b);
        var only = (dayFirst, monthFirst) switch
        {
            ({ } x, null) => x,
            (null, { } y) => y,
            ({ } x, { } y) when x == y => x,
            _ => (DateOnly?)null,
        };
        return only is { } d ? Make(m, p, "numeric-date", MentionKind.Point, DatePrecision.Day, d, d, 0.85) : null;
    }

    private static DateExpression? ReadDayMonth(Match m, int p, DateOnly pub)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var day = Int(m.Groups["d"]);
        if (SafeDate(pub.Year, month, day) is not { } d && SafeDate(pub.Year - 1, month, day) is null)
        {
            return null;
        }

        var candidate = SafeDate(pub.Year, month, day);
        var date = candidate is { } c && c <= pub ? c : SafeDate(pub.Year - 1, month, day);
        return date is { } found ? Make(m, p, "day-month", MentionKind.Point, DatePrecision.Day, found, found, 0.75) : null;
    }

    private static DateExpression? ReadMonthRange(Match m, int p, DateOnly pub)
    {
        var y2 = Int(m.Groups["y2"]);
        var m1 = MonthNumber(m.Groups["mon1"].Value);
        var m2 = MonthNumber(m.Groups["mon2"].Value);
        var y1 = m.Groups["y1"].Success ? Int(m.Groups["y1"]) : (m1 <= m2 ? y2 : y2 - 1);
        var from = new DateOnly(y1, m1, 1);
        var to = MonthEnd(y2, m2);
        return to > from && PlausibleYear(y2, pub) ? Make(m, p, "month-range", MentionKind.Period, DatePrecision.Month, from, to, 0.9) : null;
    }

    private static DateExpression? ReadMonthYear(Match m, int p, DateOnly pub)
    {
        var year = Int(m.Groups["year"]);
        if (!PlausibleYear(year, pub))
        {
            return null;
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        var from = new DateOnly(year, month, 1);
        if (m.Groups["since"].Success)
        {
            return from <= pub ? Make(m, p, "month-year", MentionKind.Period, DatePrecision.Month, from, pub, 0.9) : null;
        }

        return Make(m, p, "month-year", MentionKind.Point, DatePrecision.Month, from, MonthEnd(year, month), 0.9);
    }

    private static DateExpression? ReadYearRange(Match m, int p, DateOnly pub)
    {
        var y1 = Int(m.Groups["y1"]);
        var raw2 = m.Groups["y2"].Value;
        var y2 = raw2.Length == 2 ? (y1 / 100 * 100) + Int(m.Groups["y2"]) : Int(m.Groups["y2"]);
        var sep = m.Groups["sep"].Value.Trim().ToLowerInvariant();
        var lead = m.Groups["lead"].Value.Trim().ToLowerInvariant();
        if (sep == "and" && lead != "between")
        {
            return null; // "2014 and 2015" lists two years; each is found on its own
        }

        if (sep == "/" && raw2.Length != 2)
        {
            return null;
        }

        if (y2 <= y1 || !PlausibleYear(y1, pub) || !PlausibleYear(y2, pub) || y2 - y1 > 100)
        {
            return null;
        }

        return Make(m, p, "year-range", MentionKind.Period, DatePrecision.Year, new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31), 0.9);
    }

    private static DateExpression? ReadDecade(Match m, int p, DateOnly pub)
    {
        int start;
        if (m.Groups["dec"].Success)
        {
            start = Int(m.Groups["dec"]);
        }
        else
        {
            var two = Int(m.Groups["short"]);
            start = two > pub.Year % 100 ? 1900 + two : 2000 + two;
        }

        var (first, last) = m.Groups["part"].Value.ToLowerInvariant() switch
        {
            "early" => (0, 3),
            "mid" => (3, 6),
            "late" => (7, 9),
            _ => (0, 9),
        };
        return PlausibleYear(start, pub)
            ? Make(m, p, "decade", MentionKind.Period, DatePrecision.Year, new DateOnly(start + first, 1, 1), new DateOnly(start + last, 12, 31), 0.8)
            : null;
    }

    private static DateExpression? ReadBareYear(Match m, int p, DateOnly pub)
    {
        var year = Int(m.Groups["year"]);
        if (!PlausibleYear(year, pub))
        {
            return null;
        }

        var text = m.Result("$_");
        var previous = PreviousWord(text, m.Groups["year"].Index);
        var next = NextWord(text, m.Groups["year"].Index + 4);
        if (previous is { } prev && NonDatePrefixes.Contains(prev.TrimEnd('.', '$')))
        {
            return null;
        }

        if (next is { } nxt && CountNouns.Contains(nxt))
        {
            return null;
        }

        if (previous is "a" or "an" && next is { Length: > 0 } n2 && char.IsUpper(n2[0]))
        {
            return null; // a model year: "a 2020 saloon"
        }

        if (DigitGroupAround(text, m.Groups["year"].Index, 4))
        {
            return null; // part of a phone or reference number
        }

        if (m.Groups["since"].Success)
        {
            var from = new DateOnly(year, 1, 1);
            return from <= pub ? Make(m, p, "year", MentionKind.Period, DatePrecision.Year, from, pub, 0.9) : null;
        }

        var confidence = year > pub.Year ? 0.4 : previous is { } pr && DatePrefixes.Contains(pr) ? 0.9 : 0.7;
        return Make(m, p, "year", MentionKind.Point, DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), confidence);
    }

    private static string? PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] != '$')
        {
            if (text[end - 1] is '.' or ',' or ';' or ':' or '(' or '"' or '“')
            {
                // punctuation between a word and the number ends the phrase ("in 2014" vs "page. 2014") except the abbreviation dot
                if (text[end - 1] != '.')
                {
                    return null;
                }
            }

            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '$'))
        {
            start--;
        }

        return start < end ? text[start..end].ToLowerInvariant() : null;
    }

    private static string? NextWord(string text, int index)
    {
        var start = index;
        while (start < text.Length && text[start] is ' ' or '\u00A0' or '-')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > start ? text[start..end] : null;
    }

    private static bool DigitGroupAround(string text, int index, int length)
    {
        var before = index - 2 >= 0 && text[index - 1] is ' ' or '-' && char.IsDigit(text[index - 2]);
        var after = index + length + 1 < text.Length && text[index + length] is ' ' or '-' && char.IsDigit(text[index + length + 1]);
        return before || after;
    }

    private static DateExpression? ReadYesterday(Match m, int p, DateOnly pub)
    {
        var back = m.Value.Contains("before", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
        var d = pub.AddDays(-back);
        return Make(m, p, "relative", MentionKind.Point, DatePrecision.Day, d, d, 0.85);
    }

    private static DateExpression? ReadThisLastNext(Match m, int p, DateOnly pub)
    {
        var which = m.Groups["which"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var earlier = m.Groups["earlier"].Success;
        var since = m.Groups["since"].Success;
        var shift = which switch { "last" => -1, "next" => 1, _ => 0 };
        DateOnly from;
        DateOnly to;
        DatePrecision precision;
        switch (unit)
        {
            case "week":
                from = WeekStart(pub).AddDays(7 * shift);
                to = from.AddDays(6);
                precision = DatePrecision.Week;
                break;
            case "month":
                var month = new DateOnly(pub.Year, pub.Month, 1).AddMonths(shift);
                (from, to) = (month, MonthEnd(month.Year, month.Month));
                precision = DatePrecision.Month;
                break;
            default:
                (from, to) = (new DateOnly(pub.Year + shift, 1, 1), new DateOnly(pub.Year + shift, 12, 31));
                precision = DatePrecision.Year;
                break;
        }

        if (shift == 0)
        {
            to = earlier && pub > from ? pub.AddDays(-1) : pub;
        }

        if (since)
        {
            return Make(m, p, "relative", MentionKind.Period, precision, from, pub, 0.8);
        }

        return Make(m, p, "relative", MentionKind.Point, precision, from, to, shift == 1 ? 0.5 : 0.8);
    }

    private static int? Count(Group g, int fallback)
    {
        if (!g.Success)
        {
            return fallback;
        }

        var text = Spaces().Replace(g.Value.Trim(), " ");
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n is >= 1 and <= 99 ? n : null;
        }

        return NumberWords.TryGetValue(text, out var w) ? w : null;
    }

    private static DateExpression? ReadAgo(Match m, int p, DateOnly pub)
    {
        if (Count(m.Groups["n"], 1) is not { } n)
        {
            return null;
        }

        var vague = m.Groups["n"].Value.Trim().ToLowerInvariant() is "few" or "a few" or "several" or "some";
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var confidence = vague ? 0.5 : 0.75;
        switch (unit)
        {
            case "day":
                var d = pub.AddDays(-n);
                return vague
                    ? Make(m, p, "relative", MentionKind.Point, DatePrecision.Week, pub.AddDays(-9), pub.AddDays(-2), confidence)
                    : Make(m, p, "relative", MentionKind.Point, DatePrecision.Day, d, d, confidence);
            case "week":
                var w = WeekStart(pub.AddDays(-7 * n));
                return vague
                    ? Make(m, p, "relative", MentionKind.Point, DatePrecision.Week, WeekStart(pub.AddDays(-63)), WeekStart(pub.AddDays(-14)).AddDays(6), confidence)
                    : Make(m, p, "relative", MentionKind.Point, DatePrecision.Week, w, w.AddDays(6), confidence);
            case "month":
                var mo = new DateOnly(pub.Year, pub.Month, 1).AddMonths(-n);
                return vague
                    ? Make(m, p, "relative", MentionKind.Point, DatePrecision.Month, new DateOnly(pub.Year, pub.Month, 1).AddMonths(-9), MonthEnd(pub.AddMonths(-2).Year, pub.AddMonths(-2).Month), confidence)
                    : Make(m, p, "relative", MentionKind.Point, DatePrecision.Month, mo, MonthEnd(mo.Year, mo.Month), confidence);
            case "decade":
                var dy = pub.Year - (10 * n);
                return Make(m, p, "relative", MentionKind.Point, DatePrecision.Year, new DateOnly(dy - 2, 1, 1), new DateOnly(dy + 2, 12, 31), 0.5);
            default:
                var y = pub.Year - n;
                return vague
                    ? Make(m, p, "relative", MentionKind.Point, DatePrecision.Year, new DateOnly(pub.Year - 9, 1, 1), new DateOnly(pub.Year - 2, 12, 31), confidence)
                    : Make(m, p, "relative", MentionKind.Point, DatePrecision.Year, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), confidence);
        }
    }

    private static DateExpression? ReadRecentSpan(Match m, int p, DateOnly pub)
    {
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var fallback = m.Groups["n"].Success ? 1 : unit switch { "days" => 7, "weeks" => 4, "months" => 3, "decades" => 1, _ => 5 };
        if (Count(m.Groups["n"], fallback) is not { } n)
        {
            return null;
        }

        if (!m.Groups["n"].Success && unit is "year" or "month" or "week" or "day")
        {
            n = 1;
        }

        var (from, precision) = unit.TrimEnd('s') switch
        {
            "day" => (pub.AddDays(-n), DatePrecision.Day),
            "week" => (pub.AddDays(-7 * n), DatePrecision.Week),
            "month" => (pub.AddMonths(-n), DatePrecision.Month),
            "decade" => (pub.AddYears(-10 * n), DatePrecision.Year),
            _ => (pub.AddYears(-n), DatePrecision.Year),
        };
        return Make(m, p, "relative", MentionKind.Period, precision, from, pub, 0.6);
    }

    private static DateExpression? ReadMonthAlone(Match m, int p, DateOnly pub)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var year = month <= pub.Month ? pub.Year : pub.Year - 1;
        var prep = m.Groups["prep"].Value.Trim().ToLowerInvariant();
        if (prep == "next")
        {
            year = month > pub.Month ? pub.Year : pub.Year + 1;
        }

        var from = new DateOnly(year, month, 1);
        if (m.Groups["since"].Success || prep == "since")
        {
            return Make(m, p, "month", MentionKind.Period, DatePrecision.Month, from, pub, 0.75);
        }

        return Make(m, p, "month", MentionKind.Point, DatePrecision.Month, from, MonthEnd(year, month), 0.6);
    }

    private static DateExpression? ReadWeekday(Match m, int p, DateOnly pub)
    {
        var wanted = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value, ignoreCase: false);
        var back = ((int)pub.DayOfWeek - (int)wanted + 7) % 7;
        var d = pub.AddDays(-back);
        return Make(m, p, "weekday", MentionKind.Point, DatePrecision.Day, d, d, 0.6);
    }

    private static DateExpression? ReadRecently(Match m, int p, DateOnly pub) =>
        Make(m, p, "relative", MentionKind.Point, DatePrecision.Month, pub.AddMonths(-3), pub, 0.35);

    [GeneratedRegex(@"(?<![\d/.-])(?<year>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\d-])")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.,])(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Mon + @")\b\.?,?\s+(?<year>\d{4})(?![\d,]\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<mon>" + Mon + @")\b\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?![\d,]\d)")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<![\d/.])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<year>\d{4})(?![\d/])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?i:between|from)\s+(?<mon1>" + Mon + @")\b\.?(?:\s+(?<y1>\d{4}))?\s+(?i:and|to|until|through|till)\s+(?<mon2>" + Mon + @")\b\.?,?\s+(?<y2>\d{4})(?!\d)")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"(?:(?<since>\b(?i:since)\s+))?\b(?<mon>" + Mon + @")\b\.?,?\s+(?:of\s+)?(?<year>1[89]\d\d|20\d\d)(?![\d,]\d|\d)")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<![\d.,])(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Mon + @")\b(?!\.?,?\s+\d)")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<mon>" + Mon + @")\b\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d)(?![\d,.:]\d)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?<![\d,.$€£#/:+A-Za-z-])(?:(?<lead>(?i:between|from))\s+)?(?<y1>1[89]\d\d|20\d\d)\s*(?<sep>-|–|—|/|\s(?i:to|and|until|till|through)\s)\s*(?<y2>1[89]\d\d|20\d\d|\d\d)(?![\dA-Za-z%]|[,.]\d)")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?:\b(?i:the)\s+)?(?:(?<part>(?i:early|mid|late))[\s-]+)?(?:\b(?<dec>1[89]\d0|20\d0)s\b|['’](?<short>\d0)s\b)")]
    private static partial Regex Decade();

    [GeneratedRegex(@"(?:(?<since>\b(?i:since)\s+))?(?<![\d,.$€£#/:+A-Za-z'’-])(?<year>1[89]\d\d|20\d\d)(?![\dA-Za-z%'’]|[,.:/]\d|-\d|\s*-?\s*(?i:year)s?[\s-]+old)")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"\b(?i:(?:the\s+)?day\s+before\s+yesterday|yesterday)\b")]
    private static partial Regex Yesterday();

    [GeneratedRegex(@"\b(?i:(?<since>since\s+)?(?:(?<earlier>earlier|later)\s+)?(?:(?:early|late)\s+)?(?<which>this|last|next)\s+(?<unit>week|month|year))\b")]
    private static partial Regex ThisLastNext();

    [GeneratedRegex(@"\b(?i:(?<n>\d{1,2}|a\s+few|a\s+couple\s+of|couple\s+of|few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>day|week|month|year|decade)s?\s+ago)\b")]
    private static partial Regex Ago();

    [GeneratedRegex(@"\b(?i:(?:(?:in|over|during|for|within)\s+)?the\s+(?:past|last)\s+(?:(?<n>\d{1,2}|a\s+few|a\s+couple\s+of|couple\s+of|few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)(?<unit>days|weeks|months|years|decades)|(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last\s+few)\s+(?<unit>days|weeks|months|years|decades))\b")]
    private static partial Regex RecentSpan();

    [GeneratedRegex(@"\b(?<since>(?i:since))\s+(?<mon>" + Mon + @")\b(?!\.?,?\s+\d)")]
    private static partial Regex SinceMonth();

    [GeneratedRegex(@"\b(?<prep>(?i:in|during|by|until|till|of|from|through|before|after|last|this|next|early|late|mid))[\s-]+(?:(?i:early|late|mid)[\s-]+)?(?<mon>January|February|March|April|June|July|August|September|October|November|December|May)\b(?!\.?,?\s+\d)")]
    private static partial Regex PrepositionMonth();

    [GeneratedRegex(@"(?:\b(?i:on|last)\s+)?\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?i:recently|lately)\b")]
    private static partial Regex Recently();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
