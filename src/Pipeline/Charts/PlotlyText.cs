using System.Globalization;
using Pipeline.Intensity;
using Pipeline.Text;

namespace Pipeline.Charts;

/// <summary>
/// Turns values into the strings Plotly shows. Plotly reads labels, hover text and annotations as a small
/// markup (<c>&lt;b&gt;</c>, <c>&lt;a href&gt;</c>, <c>&lt;br&gt;</c>) and decodes <c>&amp;lt;</c>-style
/// entities, so text from data is entity-escaped here: it is then shown exactly as written, never as markup
/// (bidi overrides and control characters are shown as <c>[U+202E]</c>, see <see cref="Text.VisibleControls"/>).
/// </summary>
internal static class PlotlyText
{
    /// <summary>Line break in Plotly's markup.</summary>
    public const string Break = "<br>";

    /// <summary>Text from data (names, paraphrases, notes), escaped so Plotly shows it literally.</summary>
    public static string Data(string text) =>
        Text.VisibleControls.Reveal(text).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A date as Plotly's date axes read it, independent of the machine's culture.</summary>
    public static string Date(DateOnly date) => IsoDate.Format(date);

    /// <summary>A number for hover text: up to two decimals, invariant culture.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A count for hover text, invariant culture.</summary>
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A p-value for hover text.</summary>
    public static string PValue(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A value for the figure JSON: non-finite numbers become null (a gap), since JSON has no NaN.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Values for the figure JSON, non-finite ones as gaps.</summary>
    public static double?[] Finite(IEnumerable<double> values) => values.Select(Finite).ToArray();

    /// <summary>The bin unit in a word or two ("week", "ACLED week"), for counts of bins ("12 weeks").</summary>
    public static string ShortBinName(BinUnit bin) => bin switch
    {
        BinUnit.Day => "day",
        BinUnit.IsoWeek => "week",
        BinUnit.AcledWeek => "ACLED week",
        BinUnit.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(bin), bin, null),
    };

    /// <summary>The bin as readers name it, for titles and axis labels.</summary>
    public static string BinName(BinUnit bin) => bin switch
    {
        BinUnit.Day => "day",
        BinUnit.IsoWeek => "week (Mon–Sun)",
        BinUnit.AcledWeek => "ACLED week (Sat–Fri)",
        BinUnit.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(bin), bin, null),
    };
}
