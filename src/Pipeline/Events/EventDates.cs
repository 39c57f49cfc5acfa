using System.Globalization;
using Pipeline.Text;

namespace Pipeline.Events;

/// <summary>
/// Parses every event-date form seen in real ACLED and UCDP files, with explicit formats in the invariant
/// culture (never the machine's culture, so a file reads the same everywhere).
/// </summary>
/// <remarks>
/// Accepted: <c>2012-03-01</c> (ACLED API/exports, UCDP bulk), <c>21 March 2020</c> (ACLED 2019+ exports),
/// <c>29-Feb-20</c> / <c>5-Aug-24</c> (exports re-saved by a spreadsheet), <c>04/17/2011 00:00:00</c>
/// (UCDP country downloads, month first), and ISO with a time part. Two-digit years are read in the
/// window 1950–2049 (<c>97</c> → 1997, <c>20</c> → 2020); ACLED's coverage starts in 1997, so the window
/// never makes an ACLED date ambiguous. A time other than midnight is accepted and dropped.
/// </remarks>
public static class EventDates
{
    /// <summary>Examples of every accepted form, for hints in error messages.</summary>
    public const string AcceptedExamples = "2012-03-01, 21 March 2020, 29-Feb-20, 04/17/2011 00:00:00";

    private static readonly string[] Formats =
    [
        IsoDate.Pattern,
        "d MMMM yyyy",
        "d-MMM-yy",
        "d-MMM-yyyy",
        "d MMM yyyy",
        "MM/dd/yyyy HH:mm:ss",
        "M/d/yyyy H:mm:ss",
        "M/d/yyyy",
        IsoDate.Pattern + " HH:mm:ss",
        IsoDate.Pattern + " HH:mm:ss.fff",
        IsoDate.Pattern + "THH:mm:ss",
    ];

    private static readonly CultureInfo Culture = CreateCulture();

    /// <summary>Parses one date cell; false when no accepted form matches or the day does not exist.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        text = text.Trim();
        if (TryParseIso(text, out date))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, Formats, Culture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// Parses the commonest forms straight from a cell's UTF-8 bytes (<c>2012-03-01</c>, <c>21 March 2020</c>,
    /// <c>21 Mar 2020</c>, <c>29-Feb-20</c>) without making a string; anything else, and anything invalid,
    /// goes through <see cref="TryParse(ReadOnlySpan{char}, out DateOnly)"/>, so both give the same answer.
    /// </summary>
    /// <remarks>This overload exists for the loader's hot path: a million-row file has a million date cells.</remarks>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        if (TryParseFast(utf8, out date))
        {
            return true;
        }

        Span<char> chars = stackalloc char[64];
        if (utf8.Length > chars.Length || !System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return TryParse(System.Text.Encoding.UTF8.GetString(utf8), out date);
        }

        var n = System.Text.Encoding.UTF8.GetChars(utf8, chars);
        return TryParse(chars[..n], out date);
    }

    /// <summary>
    /// Explains why a cell that looks like a date is not one (e.g. February 30), so the user is told the
    /// day does not exist rather than that the format is wrong.
    /// </summary>
    public static string Diagnose(string text)
    {
        var t = text.Trim();
        if (t.Length >= 10 && t[4] == '-' && t[7] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(t.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            if (m is < 1 or > 12)
            {
                return $"month {m} does not exist";
            }

            if (y is >= 1 and <= 9999 && (d < 1 || d > DateTime.DaysInMonth(y, m)))
            {
                return $"day {d} does not exist in {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)} {y}";
            }
        }

        return "not a date in any accepted form";
    }

    private static bool TryParseFast(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            return TryDigits(s[..4], out var y) && TryDigits(s.Slice(5, 2), out var m) && TryDigits(s.Slice(8, 2), out var d)
                && TryMake(y, m, d, out date);
        }

        // d MMMM yyyy, d MMM yyyy, d-MMM-yy, d-MMM-yyyy: a 1–2 digit day, a separator, a month name, the same separator, a year.
        var dayLength = s.Length > 1 && IsDigit(s[1]) ? 2 : 1;
        if (s.Length < dayLength + 6 || !IsDigit(s[0]))
        {
            return false;
        }

        var separator = s[dayLength];
        if (separator is not ((byte)' ' or (byte)'-'))
        {
            return false;
        }

        var rest = s[(dayLength + 1)..];
        var end = rest.IndexOf(separator);
        if (end < 3 || !TryMonth(rest[..end], separator == '-', out var month))
        {
            return false;
        }

        var yearText = rest[(end + 1)..];
        if (!TryDigits(yearText, out var year))
        {
            return false;
        }

        if (yearText.Length == 2 && separator == '-')
        {
            // The culture's window: TwoDigitYearMax = 2049, so 50..99 → 1950..1999 and 00..49 → 2000..2049.
            year += year <= 49 ? 2000 : 1900;
        }
        else if (yearText.Length != 4)
        {
            return false;
        }

        TryDigits(s[..dayLength], out var day);
        return TryMake(year, month, day, out date);
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>A full English month name (not after '-', where only <c>MMM</c> is accepted) or its three-letter abbreviation, any case.</summary>
    private static bool TryMonth(ReadOnlySpan<byte> name, bool abbreviatedOnly, out int month)
    {
        Span<char> lower = stackalloc char[9];
        month = 0;
        if (name.Length > lower.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is >= (byte)'A' and <= (byte)'Z')
            {
                c += 32;
            }
            else if (c is < (byte)'a' or > (byte)'z')
            {
                return false;
            }

            lower[i] = (char)c;
        }

        var text = lower[..name.Length];
        for (var m = 0; m < MonthNames.Length; m++)
        {
            var full = MonthNames[m];
            if ((!abbreviatedOnly && text.SequenceEqual(full)) || (text.Length == 3 && text.SequenceEqual(full.AsSpan(0, 3))))
            {
                month = m + 1;
                return true;
            }
        }

        return false;
    }

    private static bool TryMake(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 4)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryParseIso(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var y) || !TryDigits(s.Slice(5, 2), out var m) || !TryDigits(s.Slice(8, 2), out var d))
        {
            return false;
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = 2049;
        return CultureInfo.ReadOnly(culture);
    }
}
