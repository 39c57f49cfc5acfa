using System.Globalization;
using Pipeline.Text;

namespace Pipeline.Reports;

/// <summary>
/// A small table written as RFC 4180 CSV with LF line ends, invariant culture and fixed number formatting,
/// so the same values always give the same bytes. Text cells that a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) are prefixed with an apostrophe; numbers are written as numbers.
/// </summary>
public sealed class CsvTable
{
    private readonly List<string[]> rows = [];

    /// <summary>Creates a table with the given column names.</summary>
    public CsvTable(string name, params string[] columns)
    {
        Name = name;
        Columns = columns;
    }

    /// <summary>File name without extension (e.g. <c>event_study</c>).</summary>
    public string Name { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => rows.Count;

    /// <summary>The data rows as their CSV cell texts (numbers and dates already formatted, formulas neutralised).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => rows;

    /// <summary>Adds a row; values may be strings, numbers, dates or null.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"table {Name}: {values.Length} values for {Columns.Count} columns");
        }

        rows.Add(values.Select(Format).ToArray());
    }

    /// <summary>Makes text safe to open in a spreadsheet: a leading = + - @ tab or CR gets an apostrophe.</summary>
    public static string NeutraliseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Formats a number the way every table does: up to 6 decimals, no exponent, invariant.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The CSV text.</summary>
    public string ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new Rfc4180Writer(text)) // the project's one CSV writer: the same quoting and LF line ends as every CSV it writes
        {
            csv.WriteRecord(Columns);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => NeutraliseFormula(s),
        double d => Number(d),
        float f => Number(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        DateOnly d => IsoDate.Format(d),
        bool b => b ? "true" : "false",
        IFormattable f => NeutraliseFormula(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => NeutraliseFormula(value.ToString() ?? ""),
    };
}
