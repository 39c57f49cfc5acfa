using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Pipeline.Text;

namespace Pipeline.Events;

/// <summary>
/// Loads ACLED Excel exports (the 2017 All-Africa file and similar) with ExcelDataReader: the first sheet,
/// its first non-empty row as the header, then each row through the same mappers and accounting as a CSV.
/// </summary>
/// <remarks>
/// Cells are turned into the text a CSV export would carry, so the mappers need no Excel knowledge:
/// date cells and, in date columns (<c>event_date</c>, <c>date_start</c>, <c>date_end</c>), plain numbers
/// taken as Excel serial dates (1900 date system, day 0 = 1899-12-30; 42736 = 2017-01-01) become
/// <c>yyyy-MM-dd</c>; whole numbers are written without a decimal part (<c>3.0</c> → <c>3</c>) and other
/// numbers in their shortest round-trip form. Rejections name the spreadsheet row number as the line and
/// the header name as the column. Empty rows are skipped and not counted.
/// </remarks>
internal static class ExcelEventReader
{
    private static readonly string[] Extensions = [".xlsx", ".xlsm", ".xls"];

    private static readonly HashSet<string> DateColumns = new(["event_date", "date_start", "date_end"], StringComparer.OrdinalIgnoreCase);

    static ExcelEventReader()
    {
        // ExcelDataReader decodes legacy .xls strings with Windows code pages, which .NET provides only on request.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Whether the path's extension names an Excel workbook.</summary>
    public static bool Handles(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static EventTable Load(string path, EventLoadOptions options)
    {
        using var stream = Open(path);
        using var reader = CreateReader(stream, path);
        var cells = new ExcelRecordCells();
        HeaderIndex? header = null;
        IEventRowMapper? mapper = null;
        RowContext? row = null;
        var builder = new EventTableBuilder(path, options);
        long spreadsheetRow = 0;
        while (ReadRow(reader, path, spreadsheetRow))
        {
            spreadsheetRow = reader.Depth + 1;
            if (header is null)
            {
                var names = ReadHeader(reader);
                if (names is null)
                {
                    continue;
                }

                EventLoader.CheckColumnCount(names.Count, path, options);
                header = new HeaderIndex(names);
                mapper = EventTableBuilder.ChooseMapper(header, path);
                row = new RowContext(cells, path, header, options);
                continue;
            }

            if (!cells.Load(reader, header, DateColumns))
            {
                continue;
            }

            row!.Line = spreadsheetRow;
            if (cells.LastNonEmpty >= header.Count)
            {
                var i = cells.LastNonEmpty;
                builder.Reject(EventLoader.ExtraField(row, i + 1, header.Count, i, cells.GetString(i), "a value sits to the right of the last named column; delete it or give the column a header"));
                continue;
            }

            builder.Map(mapper!, row);
        }

        if (header is null)
        {
            throw new EventFileException(path, "the first sheet of the workbook is empty", "ACLED exports keep the events on the first sheet with a header row; move the data there", line: 1);
        }

        return builder.Build(mapper!, row!.Warnings);
    }

    private static FileStream Open(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (IOException ex)
        {
            throw new EventFileException(path, $"cannot open the file: {ex.Message}", "check that it exists and is readable, and close it in Excel if it is open there");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new EventFileException(path, $"no permission to read the file: {ex.Message}", "check the file's permissions");
        }
    }

    private static IExcelDataReader CreateReader(Stream stream, string path)
    {
        try
        {
            return ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception ex) when (IsFormatProblem(ex))
        {
            throw NotAWorkbook(path, ex);
        }
    }

    private static bool ReadRow(IExcelDataReader reader, string path, long lastRow)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception ex) when (IsFormatProblem(ex))
        {
            throw new EventFileException(path, $"the workbook cannot be read after row {lastRow}: {ex.Message}", "open and save it again in a spreadsheet program, or export the data as CSV", line: lastRow + 1);
        }
    }

    private static bool IsFormatProblem(Exception ex) =>
        ex is ExcelReaderException or InvalidDataException or System.Xml.XmlException or NotSupportedException or FormatException;

    private static EventFileException NotAWorkbook(string path, Exception ex) =>
        new(path, $"not a readable Excel workbook ({ex.Message})", "the download may be incomplete or the file a CSV with an .xlsx name; download it again or rename it to .csv");

    /// <summary>The header names, trailing empty cells dropped; null for an empty row.</summary>
    private static List<string>? ReadHeader(IExcelDataReader reader)
    {
        var names = new List<string>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            names.Add(ExcelRecordCells.Text(reader.GetValue(i), isDateColumn: false));
        }

        while (names.Count > 0 && names[^1].Trim().Length == 0)
        {
            names.RemoveAt(names.Count - 1);
        }

        return names.Count == 0 ? null : names;
    }

    /// <summary>One spreadsheet row as text cells.</summary>
    private sealed class ExcelRecordCells : IRecordCells
    {
        private string[] values = [];

        public int FieldCount { get; private set; }

        /// <summary>Position of the last non-empty cell, or −1.</summary>
        public int LastNonEmpty { get; private set; }

        public string GetString(int column) => values[column];

        /// <summary>Spreadsheet cells are text already; encoding them keeps the fast paths' contract.</summary>
        public ReadOnlySpan<byte> GetUtf8(int column) => System.Text.Encoding.UTF8.GetBytes(values[column]);

        /// <summary>A spreadsheet row is not text in a file: it has no raw bytes, and always one line.</summary>
        public ReadOnlySpan<byte> RawRecord => [];

        /// <summary>Reads the current row; false when every cell is empty.</summary>
        public bool Load(IExcelDataReader reader, HeaderIndex header, HashSet<string> dateColumns)
        {
            var count = reader.FieldCount;
            if (values.Length < count)
            {
                values = new string[count];
            }

            LastNonEmpty = -1;
            for (var i = 0; i < count; i++)
            {
                var isDate = i < header.Count && dateColumns.Contains(header.Names[i].Trim());
                var text = Text(reader.GetValue(i), isDate);
                values[i] = text;
                if (text.Trim().Length > 0)
                {
                    LastNonEmpty = i;
                }
            }

            FieldCount = count;
            return LastNonEmpty >= 0;
        }

        /// <summary>A cell as the text a CSV export would carry (see <see cref="ExcelEventReader"/>'s remarks).</summary>
        public static string Text(object? value, bool isDateColumn) => value switch
        {
            null or DBNull => "",
            string s => s,
            DateTime d => DateText(d),
            double n when isDateColumn && n >= 1 && n < 2958466 => DateText(DateTime.FromOADate(Math.Floor(n))),
            double n => Number(n),
            float f => Number(f),
            int or long or short or byte or decimal => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            bool b => b ? "TRUE" : "FALSE",
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };

        private static string DateText(DateTime d) => d.TimeOfDay == TimeSpan.Zero
            ? IsoDate.Format(DateOnly.FromDateTime(d))
            : d.ToString(IsoDate.Pattern + "THH:mm:ss", CultureInfo.InvariantCulture);

        private static string Number(double n) => n == Math.Floor(n) && Math.Abs(n) < 1e15
            ? ((long)n).ToString(CultureInfo.InvariantCulture)
            : n.ToString("R", CultureInfo.InvariantCulture);
    }
}
