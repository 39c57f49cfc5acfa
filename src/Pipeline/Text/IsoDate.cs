using System.Globalization;

namespace Pipeline.Text;

/// <summary>
/// The one place the project spells its date and timestamp formats: ISO 8601 days (<c>yyyy-MM-dd</c>) in
/// tables, charts, manifests and options, and UTC timestamps (<c>yyyy-MM-ddTHH:mm:ssZ</c>) in manifests and
/// provenance files. Always the invariant culture.
/// </summary>
public static class IsoDate
{
    /// <summary>The day format, <c>yyyy-MM-dd</c>.</summary>
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>The UTC timestamp format, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public const string UtcPattern = Pattern + "THH:mm:ssZ";

    /// <summary>The day as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The moment in UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string FormatUtc(DateTimeOffset moment) => moment.UtcDateTime.ToString(UtcPattern, CultureInfo.InvariantCulture);

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>; false for anything else (null included).</summary>
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>.</summary>
    /// <exception cref="FormatException">Not such a date.</exception>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Pattern, CultureInfo.InvariantCulture);
}
