using System.Globalization;

namespace Pipeline.Events;

/// <summary>
/// The current record of a file being loaded, with typed, located accessors: each accessor either
/// returns a value or builds the <see cref="RowRejection"/> that names the column and the raw value.
/// </summary>
internal sealed class RowContext(IRecordCells reader, string file, HeaderIndex header, EventLoadOptions options)
{
    public string File { get; } = file;

    public HeaderIndex Header { get; } = header;

    public long Line { get; set; }

    /// <summary>Warnings about loaded rows, collected across the whole file.</summary>
    public List<RowWarning> Warnings { get; } = [];

    public void Warn(int column, string message) =>
        Warnings.Add(new RowWarning(File, Line, column >= 0 && column < Header.Count ? Header.Names[column] : null, Raw(column), message));

    /// <summary>The trimmed cell, or null when the column is absent, the cell empty or a missing-value marker.</summary>
    public string? Text(int column)
    {
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

        foreach (var missing in options.MissingValues)
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
