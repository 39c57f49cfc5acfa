using System.Buffers;

namespace Pipeline.Events;

/// <summary>
/// The first quoted field of a CSV record that runs across a line break: where its quote opens and where,
/// if anywhere, it closes. A quote left open reads the following lines into the record, so a rejection of
/// such a record can say which lines were read as one record, because of which quote, and how to fix it.
/// </summary>
/// <param name="OpenLine">Physical line of the opening quote.</param>
/// <param name="OpenColumn">Its 1-based column, in characters from the start of that line.</param>
/// <param name="Field">0-based position of the field that the quote opens.</param>
/// <param name="CloseLine">Physical line of the closing quote, or null when it is never closed.</param>
/// <param name="CloseColumn">Its 1-based column, or null.</param>
internal readonly record struct RunawayQuote(long OpenLine, int OpenColumn, int Field, long? CloseLine, int? CloseColumn)
{
    private static readonly SearchValues<byte> LineEnds = SearchValues.Create("\r\n"u8);

    /// <summary>Line breaks in <paramref name="raw"/>: CR, LF and CR LF each count once.</summary>
    public static int CountLineBreaks(ReadOnlySpan<byte> raw)
    {
        var n = 0;
        int i;
        while ((i = raw.IndexOfAny(LineEnds)) >= 0)
        {
            n++;
            raw = raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n' ? raw[(i + 2)..] : raw[(i + 1)..];
        }

        return n;
    }

    /// <summary>
    /// The first quoted field of the record (its raw UTF-8 bytes, starting on <paramref name="firstLine"/>)
    /// that holds a line break, read as RFC 4180 does: a quote opens a field only at its start, and inside
    /// quotes <c>""</c> is a quote. Null when no quoted field crosses a line.
    /// </summary>
    public static RunawayQuote? Find(ReadOnlySpan<byte> raw, long firstLine)
    {
        var line = firstLine;
        var column = 1;
        var field = 0;
        var atFieldStart = true;
        var quoted = false;
        var crossed = false;
        long openLine = 0;
        int openColumn = 0, openField = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (b == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                column = 1;
                crossed |= quoted;
                continue;
            }

            if (quoted)
            {
                if (b == '"' && i + 1 < raw.Length && raw[i + 1] == '"')
                {
                    i++;
                    column += 2;
                    continue;
                }

                if (b == '"')
                {
                    if (crossed)
                    {
                        return new RunawayQuote(openLine, openColumn, openField, line, column);
                    }

                    quoted = false;
                }
            }
            else if (b == ',')
            {
                field++;
                atFieldStart = true;
                column++;
                continue;
            }
            else if (b == '"' && atFieldStart)
            {
                (quoted, crossed, openLine, openColumn, openField) = (true, false, line, column, field);
            }

            atFieldStart = false;

            // Columns count characters: a UTF-8 continuation byte belongs to the character before it.
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return quoted && crossed ? new RunawayQuote(openLine, openColumn, openField, null, null) : null;
    }

    /// <summary>
    /// Names the lines read as one record, the quote that caused it and the fix. <paramref name="first"/> and
    /// <paramref name="last"/> are the record's physical lines; <paramref name="header"/> names the field.
    /// </summary>
    public string Explain(long first, long last, IReadOnlyList<string>? header)
    {
        var name = header is not null && Field < header.Count && header[Field].Trim().Length > 0 ? $"field {Field + 1}, '{header[Field]}'" : $"field {Field + 1}";
        var lines = last > first ? $"lines {first}–{last}" : $"line {first}";
        var opened = $"the quote opened in line {OpenLine}, column {OpenColumn} ({name})";
        if (CloseLine is not { } closeLine)
        {
            return last > first
                ? $"{lines}, the rest of the file, were read as one record because {opened} is never closed; close it where the value ends (a quote inside a value is written twice: \"\"): nothing after it could be loaded"
                : $"{opened} is never closed; close it where the value ends (a quote inside a value is written twice: \"\")";
        }

        var swallowed = new LineRange(OpenLine + 1, Math.Max(closeLine, last));
        var after = swallowed.Count == 1 ? $"line {swallowed.First} is read as its own row" : $"lines {swallowed} are read as their own rows";
        return $"{lines} were read as one record because {opened} closes only in line {closeLine}, column {CloseColumn}; "
            + $"close it in line {OpenLine} where the value ends, or remove it (a quote inside a value is written twice: \"\"), and {after}";
    }
}
