using System.Globalization;
using System.Text;
using CsCheck;
using Pipeline.Events;

namespace Pipeline.Tests.Properties;

/// <summary>How the event round-trip properties write dates and numbers, and how they compare loaded events.</summary>
internal static class EventCells
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Every date form <see cref="EventDates"/> documents or lists (its remarks and its format table), by name:
    /// ISO, ACLED long dates, spreadsheet re-saves, UCDP country downloads and ISO with a time.
    /// </summary>
    public static readonly string[] DateForms =
    [
        "yyyy-MM-dd", "d MMMM yyyy", "d-MMM-yy", "d-MMM-yyyy", "d MMM yyyy", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm:ss",
        "M/d/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-ddTHH:mm:ss",
    ];

    /// <summary>
    /// A cell holding <paramref name="date"/> in date form <paramref name="form"/>: month names in any case, the
    /// day sometimes zero-padded, a time of day (midnight or not) where the form has one, sometimes spaces around.
    /// </summary>
    public static string DateCell(PCG pcg, DateOnly date, int form)
    {
        var pattern = DateForms[form];
        if (pattern.StartsWith("d", StringComparison.Ordinal) && pcg.Chance(25))
        {
            pattern = "d" + pattern; // 05 March 2020, 05-Aug-24
        }

        var time = pcg.Chance(50) ? TimeOnly.MinValue : new TimeOnly(pcg.Between(0, 23), pcg.Between(0, 59), pcg.Between(0, 59), pcg.Between(0, 999));
        var text = date.ToDateTime(time).ToString(pattern, Invariant);
        if (pattern.Contains("MMM", StringComparison.Ordinal))
        {
            text = pcg.Between(0, 2) switch { 0 => text, 1 => text.ToUpperInvariant(), _ => text.ToLowerInvariant() };
        }

        return pcg.Chance(10) ? $" {text} " : text;
    }

    /// <summary>A whole number as real files write it: plain, padded, signed, or as a spreadsheet's <c>3.0</c>.</summary>
    public static string IntCell(PCG pcg, int value) =>
        pcg.Chance(75) ? value.ToString(Invariant) : pcg.Between(0, 3) switch
        {
            0 => $" {value} ",
            1 => $"+{value}",
            2 => $"{value}.0",
            _ => $"{value}\t",
        };

    /// <summary>An optional coordinate within ±<paramref name="limit"/>, written so that it parses back to the same double.</summary>
    public static (string Cell, double? Value) CoordinateCell(PCG pcg, int limit)
    {
        if (pcg.Chance(15))
        {
            return (pcg.Chance(50) ? "" : "NA", null);
        }

        if (pcg.Chance(60))
        {
            var v = pcg.Between(-limit * 10000, limit * 10000) / 10000.0;
            return (pcg.Chance(50) ? v.ToString("R", Invariant) : v.ToString("F4", Invariant), v);
        }

        var d = Gen.Double[-limit, limit].Draw(pcg);
        return (d.ToString("R", Invariant), d);
    }

    /// <summary>Names the properties in which two events differ, with both values, or null when they are equal.</summary>
    public static string? Diff(ConflictEvent expected, ConflictEvent actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var p in typeof(ConflictEvent).GetProperties())
        {
            var e = p.GetValue(expected);
            var a = p.GetValue(actual);
            if (!Equals(e, a))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{p.Name}: expected {ShowValue(e)}, loaded {ShowValue(a)}; ");
            }
        }

        return sb.ToString();
    }

    private static string ShowValue(object? v) => v switch
    {
        string s => AwkwardText.Show(s),
        IFormattable f => f.ToString(null, Invariant),
        null => "null",
        _ => v.ToString() ?? "",
    };

    /// <summary>The header names of a fixture file (first line, BOM and quotes removed).</summary>
    public static string[] FixtureHeader(string name)
    {
        var first = File.ReadLines(TestPaths.Events(name)).First().TrimStart('\uFEFF');
        return first.Split(',').Select(h => h.Trim('"')).ToArray();
    }
}
