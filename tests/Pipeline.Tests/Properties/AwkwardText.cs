using System.Text;
using CsCheck;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Free text that is hard to write to and read from CSV: separators, quotes, line breaks of every kind,
/// spreadsheet formula starters, non-ASCII letters in several scripts, emoji (surrogate pairs), combining
/// marks, Unicode spaces at the ends, and the loader's missing-value marker <c>NA</c>.
/// </summary>
internal static class AwkwardText
{
    private static readonly string[] Pieces =
    [
        "Tripoli", "Actor A", "Misrata militia", "Military Forces of Libya (2014-) Haftar Faction", "Ain Zara",
        ",", ", ", "\"", "\"\"", "\"quoted\"", "\n", "\r\n", "\r", "\n\n", "=SUM(A1:A2)", "=", "+1", "-2", "@cmd",
        "'", ";", "|", "\t", " ", "  ", "NA", "N/A", "null", "#N/A", "Benî Walid", "Ṭarābulus", "طرابلس", "Zürich",
        "straße", "Ελλάδα", "中文", "😀", "👩‍👩‍👧", "e\u0301", "\u00A0", "\u2028", "\u200B", "\uFEFF", "\u0085",
        "Synthetic", "\\", "\\\"", "{}", "[1,2]", "<b>", "&amp;", "%s", "1E5", "0x1F", "2019-04-04",
    ];

    /// <summary>Text of one to six pieces, sometimes with random characters from the whole BMP (no surrogates) mixed in.</summary>
    public static Gen<string> Any { get; } = PropertyRun.From(pcg =>
    {
        var sb = new StringBuilder();
        var n = pcg.Between(1, 6);
        for (var i = 0; i < n; i++)
        {
            if (pcg.Chance(20))
            {
                sb.Append((char)pcg.Between(0x20, 0xD7FF));
            }
            else
            {
                sb.Append(pcg.Pick(Pieces));
            }
        }

        return sb.ToString();
    });

    /// <summary>Text that survives as a value: not blank and not the missing marker once trimmed.</summary>
    public static Gen<string> Present { get; } = Any.Where(s => Loaded(s) is not null);

    /// <summary>Text that is present, or sometimes blank or <c>NA</c> (so the loaded value is null).</summary>
    public static Gen<string> Optional { get; } = PropertyRun.From(pcg =>
        pcg.Chance(15) ? pcg.Pick(["", " ", "NA", " NA ", "\u00A0"]) : Any.Draw(pcg));

    /// <summary>
    /// What the loader makes of a text cell (EventLoadOptions.Default): trimmed with <see cref="string.Trim()"/>,
    /// null when nothing is left or when it is the missing-value marker <c>NA</c>.
    /// </summary>
    public static string? Loaded(string cell)
    {
        var t = cell.Trim();
        return t.Length == 0 || t == "NA" ? null : t;
    }

    /// <summary>A readable form of a value for failure messages (escapes control and invisible characters).</summary>
    public static string Show(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c is < ' ' or '\u0085' or '\u00A0' or '\u2028' or '\u200B' or '\uFEFF' or '"' or '\\' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>
/// A small RFC 4180 writer for the tests, independent of the production writer, with the variations real
/// files show: LF or CRLF record ends, an optional UTF-8 byte-order mark, and fields quoted only when needed
/// or quoted even when not (as R and some exports do).
/// </summary>
internal sealed class TestCsv(string newline, bool byteOrderMark)
{
    private readonly StringBuilder text = new();

    /// <summary>Fields that must be quoted, plus some that need not be (decided by <paramref name="quoteAnyway"/>).</summary>
    public void Record(IReadOnlyList<string> fields, Func<int, bool> quoteAnyway)
    {
        var start = text.Length;
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || quoteAnyway(i))
            {
                text.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(f);
            }
        }

        text.Append(newline);
        LinesSoFar += LineBreaks(text.ToString(start, text.Length - start));
    }

    /// <summary>How many lines the text written so far spans (CRLF, LF and a lone CR each end one line).</summary>
    public int LinesSoFar { get; private set; }

    /// <summary>Characters written so far.</summary>
    public int Length => text.Length;

    public static int LineBreaks(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.Length || s[i + 1] != '\n')))
            {
                n++;
            }
        }

        return n;
    }

    public void Save(string path) =>
        File.WriteAllBytes(path, [.. (byteOrderMark ? "\uFEFF"u8.ToArray() : []), .. Encoding.UTF8.GetBytes(text.ToString())]);
}
