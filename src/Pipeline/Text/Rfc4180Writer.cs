using System.Text;

namespace Pipeline.Text;

/// <summary>
/// The project's one CSV writer (report tables, the synthetic and fetched event files): RFC 4180 quoting
/// (only a field holding a comma, quote, CR or LF is quoted; quotes doubled) and LF line ends. Hand-written
/// rather than via CsvHelper's writer so that the committed files' bytes depend only on this code, not on a
/// library's quoting or newline defaults changing in an update.
/// </summary>
internal sealed class Rfc4180Writer
{
    private readonly TextWriter writer;

    /// <summary>Writes to <paramref name="writer"/>; the caller owns and flushes it.</summary>
    public Rfc4180Writer(TextWriter writer) => this.writer = writer;

    /// <summary>The UTF-8 encoding without byte-order mark that the synthetic file uses.</summary>
    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes one record followed by a single LF.</summary>
    public void WriteRecord(IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(fields[i]);
        }

        writer.Write('\n');
    }

    /// <summary>Quotes a field only when it holds a comma, quote, CR or LF; embedded quotes are doubled.</summary>
    private void WriteField(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(field);
            return;
        }

        writer.Write('"');
        writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
