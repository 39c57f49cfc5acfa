using System.Globalization;
using System.Text;

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

    public string File { get; } = file;

    public HeaderIndex Header { get; } = header;

    public long Line { get; set; }

    /// <summary>Warnings about loaded rows, collected across the whole file (sequential loading).</summary>
    public List<RowWarning> Warnings { get; } = [];

    /// <summary>
    /// When set, warnings are held per record (see <see cref="TakePending"/>) instead of added to
    /// <see cref="Warnings"/>, so that records mapped on several threads keep their warnings in file order.
    /// </summary>
    public bool HoldWarnings { get; init; }

    public void Warn(int column, string message)
    {
        var warning = new RowWarning(File, Line, column >= 0 && column < Header.Count ? Header.Names[column] : null, Raw(column), message);
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

    /// <summary>The raw cell as written (not trimmed, markers kept), for error messages.</summary>
    public string Raw(int column) => column >= 0 && column < reader.FieldCount ? reader.GetString(column) : "";

    public RowRejection Reject(int column, string? value, string reason, string hint) =>
        new(File, Line, column >= 0 && column < Header.Count ? Header.Names[column] : null, column >= 0 ? column + 1 : null, value, reason, hint);

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
}
