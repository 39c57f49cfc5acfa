using System.Buffers;
using System.Globalization;
using System.Text;
using Pipeline.Text;

namespace Pipeline.Events;

/// <summary>
/// The current record of a file being loaded, with typed, located accessors: each accessor either
/// returns a value or builds the <see cref="RowRejection"/> that names the column and the raw value.
/// </summary>
/// <remarks>
/// Numbers, dates and markers are read from the cell's UTF-8 bytes first (no string is made for them);
/// only a cell that the fast path does not accept goes through the string path, which decides exactly as
/// before and builds the rejection. So the fast path can only ever be faster, never different.
/// </remarks>
internal sealed class RowContext(IRecordCells reader, string file, HeaderIndex header, EventLoadOptions options)
{
    private readonly string[] missingText = [.. options.MissingValues];
    private readonly byte[][] missingUtf8 = [.. options.MissingValues.Select(Encoding.UTF8.GetBytes)];
    private List<RowWarning>? pending;
    private long line;

    public string File { get; } = file;

    public HeaderIndex Header { get; } = header;

    /// <summary>The physical line the record starts on; setting it starts a record of one line (see <see cref="BeginRecord"/>).</summary>
    public long Line
    {
        get => line;
        set
        {
            line = value;
            LastLine = value;
            HasControlCharacters = false;
        }
    }

    /// <summary>The physical line the record ends on: after <see cref="Line"/> when a quoted field holds line breaks.</summary>
    public long LastLine { get; private set; }

    /// <summary>Whether some cell of the record holds a control character (see <see cref="WarnControlCharacters"/>).</summary>
    public bool HasControlCharacters { get; private set; }

    /// <summary>Warnings about loaded rows, collected across the whole file (sequential loading).</summary>
    public List<RowWarning> Warnings { get; } = [];

    /// <summary>
    /// When set, warnings are held per record (see <see cref="TakePending"/>) instead of added to
    /// <see cref="Warnings"/>, so that records mapped on several threads keep their warnings in file order.
    /// </summary>
    public bool HoldWarnings { get; init; }

    /// <summary>
    /// Starts a CSV record on <paramref name="startLine"/>: one vectorised scan of its raw bytes for control
    /// bytes and line breaks (found in few records), then, only for those, counting its lines and noting
    /// whether a cell holds a control character.
    /// </summary>
    public void BeginRecord(long startLine)
    {
        Line = startLine;
        var raw = reader.RawRecord;
        var i = raw.IndexOfAny(ControlBytesAndLineBreaks);
        if (i < 0)
        {
            return;
        }

        LastLine = startLine + RunawayQuote.CountLineBreaks(raw[i..]);
        HasControlCharacters = raw[i..].IndexOfAny(ControlBytes) >= 0;
    }

    /// <summary>
    /// For a record read from several lines because of a quoted field running across a line break, the hint
    /// that names those lines, the quote and the fix; null otherwise.
    /// </summary>
    public string? RunawayQuoteHint() =>
        LastLine > Line && RunawayQuote.Find(reader.RawRecord, Line) is { } quote ? quote.Explain(Line, LastLine, Header.Names) : null;

    /// <summary>
    /// Warns about every cell of a loaded record that holds NUL or another C0 control character (tab and line
    /// breaks excepted) or DEL: they load as written, but are invisible, and usually mean a damaged export.
    /// Does nothing unless <see cref="BeginRecord"/> found one.
    /// </summary>
    public void WarnControlCharacters()
    {
        if (!HasControlCharacters)
        {
            return;
        }

        for (var c = 0; c < reader.FieldCount; c++)
        {
            if (reader.GetUtf8(c).IndexOfAny(ControlBytes) < 0)
            {
                continue;
            }

            var text = reader.GetString(c);
            var first = text.AsSpan().IndexOfAny(ControlChars);
            var count = CountControls(text);
            var named = $"U+{(int)text[first]:X4} ({ControlName(text[first])})";
            var message = count == 1
                ? $"holds a control character, {named}, at character {first + 1}; loaded as written, but it is invisible and usually comes from a damaged export or a binary file: remove it if it does not belong there"
                : $"holds {count} control characters, the first {named} at character {first + 1}; loaded as written, but they are invisible and usually come from a damaged export or a binary file: remove them if they do not belong there";
            Add(new RowWarning(File, Line, c < Header.Count ? Header.Names[c] : null, VisibleControls.Reveal(text), message, RowWarningKind.ControlCharacter));
        }
    }

    public void Warn(int column, string message) =>
        Add(new RowWarning(File, Line, column >= 0 && column < Header.Count ? Header.Names[column] : null, Raw(column), message));

    private void Add(RowWarning warning)
    {
        if (HoldWarnings)
        {
            (pending ??= []).Add(warning);
        }
        else
        {
            Warnings.Add(warning);
        }
    }

    /// <summary>The warnings of the current record when <see cref="HoldWarnings"/> is set; null when none.</summary>
    public RowWarning[]? TakePending()
    {
        if (pending is null || pending.Count == 0)
        {
            return null;
        }

        var taken = pending.ToArray();
        pending.Clear();
        return taken;
    }

    /// <summary>
    /// The cell's UTF-8 bytes when they can be read without the string path: present, not empty, no
    /// whitespace or non-ASCII byte at either end (so trimming would change nothing) and not a missing-value
    /// marker. False sends the caller to the string path.
    /// </summary>
    public bool TryCleanSpan(int column, out ReadOnlySpan<byte> value)
    {
        value = default;
        if ((uint)column >= (uint)reader.FieldCount)
        {
            return false;
        }

        var span = reader.GetUtf8(column);
        if (span.IsEmpty || span[0] is <= 0x20 or >= 0x7F || span[^1] is <= 0x20 or >= 0x7F)
        {
            return false;
        }

        foreach (var missing in missingUtf8)
        {
            if (span.SequenceEqual(missing))
            {
                return false;
            }
        }

        value = span;
        return true;
    }

    /// <summary>The trimmed cell, or null when the column is absent, the cell empty or a missing-value marker.</summary>
    public string? Text(int column)
    {
        if (TryCleanSpan(column, out _))
        {
            return reader.GetString(column);
        }

        if (column < 0 || column >= reader.FieldCount)
        {
            return null;
        }

        var value = reader.GetString(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            value = value.Trim();
            if (value.Length == 0)
            {
                return null;
            }
        }

        foreach (var missing in missingText)
        {
            if (value == missing)
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>
    /// Whether <see cref="Text"/> would return a value (the cell is present, not blank, not a missing-value
    /// marker), answered from the bytes without making the string whenever they can answer it.
    /// </summary>
    public bool Has(int column) => TryCleanSpan(column, out _) || Text(column) is not null;

    /// <summary>The raw cell as written (not trimmed, markers kept), for error messages.</summary>
    public string Raw(int column) => column >= 0 && column < reader.FieldCount ? reader.GetString(column) : "";

    /// <summary>
    /// The rejection of the current record, located at its lines. When the failing value itself runs across a
    /// line break, a quote left open is the likely cause, and the hint names it instead.
    /// </summary>
    public RowRejection Reject(int column, string? value, string reason, string hint)
    {
        if (LastLine > Line && value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            hint = RunawayQuoteHint() ?? hint;
        }

        return new(File, Line, column >= 0 && column < Header.Count ? Header.Names[column] : null, column >= 0 ? column + 1 : null, value, reason, hint) { LastLine = LastLine };
    }

    public RowRejection Missing(int column, string what) =>
        Reject(column, Raw(column), $"{what} is missing", "every row needs this value; fix the cell or remove the row");

    /// <summary>A required integer cell.</summary>
    public bool TryInt(int column, string what, out int value, out RowRejection? rejection, int min = int.MinValue, int max = int.MaxValue)
    {
        if (TryFastInt(column, min, max, out value))
        {
            rejection = null;
            return true;
        }

        var text = Text(column);
        if (text is null)
        {
            value = 0;
            rejection = Missing(column, what);
            return false;
        }

        return TryParseInt(column, text, what, min, max, out value, out rejection);
    }

    /// <summary>An optional integer cell: null when empty, a rejection when present but not an integer in range.</summary>
    public bool TryOptionalInt(int column, string what, out int? value, out RowRejection? rejection, int min = int.MinValue, int max = int.MaxValue)
    {
        if (TryFastInt(column, min, max, out var fast))
        {
            value = fast;
            rejection = null;
            return true;
        }

        var text = Text(column);
        if (text is null)
        {
            value = null;
            rejection = null;
            return true;
        }

        var ok = TryParseInt(column, text, what, min, max, out var v, out rejection);
        value = ok ? v : null;
        return ok;
    }

    /// <summary>An optional number cell in the invariant culture.</summary>
    public bool TryOptionalDouble(int column, string what, double min, double max, out double? value, out RowRejection? rejection)
    {
        if (TryCleanSpan(column, out var span)
            && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var fast)
            && double.IsFinite(fast) && fast >= min && fast <= max)
        {
            value = fast;
            rejection = null;
            return true;
        }

        var text = Text(column);
        value = null;
        rejection = null;
        if (text is null)
        {
            return true;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            rejection = Reject(column, text, $"{what} is not a number", "write numbers with a dot as decimal separator, e.g. 32.8872");
            return false;
        }

        if (v < min || v > max)
        {
            rejection = Reject(column, text, $"{what} is out of range", $"expected a value between {min} and {max}");
            return false;
        }

        value = v;
        return true;
    }

    /// <summary>Whole number read from the bytes, in range; false means "take the string path".</summary>
    private bool TryFastInt(int column, int min, int max, out int value)
    {
        value = 0;
        return TryCleanSpan(column, out var span)
            && int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    private bool TryParseInt(int column, string text, string what, int min, int max, out int value, out RowRejection? rejection)
    {
        rejection = null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            // Spreadsheets sometimes write whole numbers as 3.0; accept those, reject 3.5.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            {
                value = (int)d;
            }
            else
            {
                rejection = Reject(column, text, $"{what} is not a whole number", "write a whole number such as 0, 3 or 12");
                return false;
            }
        }

        if (value < min || value > max)
        {
            rejection = Reject(column, text, $"{what} is out of range", max == int.MaxValue ? $"expected a whole number ≥ {min}" : $"expected a whole number from {min} to {max}");
            return false;
        }

        return true;
    }

    /// <summary>Bytes that send a record to the slow path of <see cref="BeginRecord"/>: C0 controls (line breaks included) and DEL.</summary>
    private static readonly SearchValues<byte> ControlBytesAndLineBreaks = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), 0x7F]);

    /// <summary>The control characters warned about: C0 except tab, LF and CR, and DEL (all ASCII, so bytes and chars agree).</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b), 0x7F]);

    private static readonly SearchValues<char> ControlChars = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (char)b), '\u007F']);

    private static readonly string[] C0Names =
    [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ];

    private static string ControlName(char c) => c < 0x20 ? C0Names[c] : "DEL";

    private static int CountControls(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += ControlChars.Contains(c) ? 1 : 0;
        }

        return n;
    }
}
