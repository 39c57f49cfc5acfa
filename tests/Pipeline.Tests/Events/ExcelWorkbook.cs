using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Tests.Events;

/// <summary>
/// Writes a small .xlsx with DocumentFormat.OpenXml for Excel-loading tests: text as shared strings,
/// numbers as numbers, <see cref="DateTime"/> as a serial with a date format (a "date cell"), and
/// <see cref="ExcelSerial"/> as a bare serial number with no date format (how ACLED's 2017 file stores dates).
/// A null row leaves that spreadsheet row out entirely.
/// </summary>
internal static class ExcelWorkbook
{
    /// <summary>A date written as a plain number (Excel serial) without a date number format.</summary>
    public readonly record struct ExcelSerial(double Value);

    public static void Write(string path, IReadOnlyList<object?[]?> rows, string sheetName = "Sheet1", bool extraSheet = false)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = doc.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });

        var strings = new List<string>();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        AddSheet(workbookPart, sheets, 1, sheetName, rows, strings);
        if (extraSheet)
        {
            AddSheet(workbookPart, sheets, 2, "Notes", [["not", "events"]], strings);
        }

        var sst = workbookPart.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        workbookPart.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, IReadOnlyList<object?[]?> rows, List<string> strings)
    {
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } cells)
            {
                continue;
            }

            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is not { } value)
                {
                    continue;
                }

                var cell = new Cell { CellReference = Column(c) + (r + 1) };
                switch (value)
                {
                    case string s:
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(Intern(strings, s));
                        break;
                    case DateTime d:
                        cell.StyleIndex = 1;
                        cell.CellValue = new CellValue(d.ToOADate());
                        break;
                    case ExcelSerial serial:
                        cell.CellValue = new CellValue(serial.Value);
                        break;
                    case int i:
                        cell.CellValue = new CellValue(i);
                        break;
                    case double n:
                        cell.CellValue = new CellValue(n);
                        break;
                    default:
                        throw new ArgumentException($"unsupported cell value {value.GetType()}");
                }

                row.AppendChild(cell);
            }

            data.AppendChild(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id, Name = name });
    }

    private static int Intern(List<string> strings, string s)
    {
        var i = strings.IndexOf(s);
        if (i >= 0)
        {
            return i;
        }

        strings.Add(s);
        return strings.Count - 1;
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
