using System.IO.Compression;
using System.Text;
using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

/// <summary>
/// Bytes that do not belong in a CSV of events are named, never shown: control characters inside a cell
/// load with a located warning, and a file that is not CSV text at all (zip, Excel workbook, gzip, PDF,
/// UTF-16 without a byte order mark, binary) is recognised by its first bytes and refused with what to do.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class SuspiciousBytesTests
{
    private const string Header = "event_id_cnty,event_date,time_precision,event_type,actor1,country,notes,fatalities\n";

    private static byte[] Csv(string rows) => Encoding.UTF8.GetBytes(Header + rows);

    /// <summary>No raw control byte (C0 or DEL) in a message meant for a terminal.</summary>
    private static void AssertPrintable(string message) =>
        Assert.True(!message.Any(c => c < 0x20 || c == 0x7F), $"control character in: {message}");

    [Fact]
    public void Nul_inside_a_field_loads_with_a_warning_naming_line_column_and_position()
    {
        using var tmp = new TempFolder();
        var path = tmp["nul.csv"];
        File.WriteAllBytes(path, Csv("LBY1,2019-04-04,1,Battles,Act\0or A,Libya,ok,2\nLBY2,2019-04-05,1,Battles,Actor B,Libya,ok,3\n"));
        var t = EventLoader.Load(path);
        Assert.Equal(2, t.Loaded);
        Assert.Equal("Act\0or A", t.Events[0].Actor1);
        var w = Assert.Single(t.Warnings);
        Assert.Equal((2L, "actor1", RowWarningKind.ControlCharacter), (w.Line, w.Column, w.Kind));
        Assert.Equal("Act[U+0000]or A", w.Value);
        Assert.Equal(
            "holds a control character, U+0000 (NUL), at character 4; loaded as written, but it is invisible and usually comes from a damaged export or a binary file: remove it if it does not belong there",
            w.Message);
        AssertPrintable(w.ToString());
    }

    [Fact]
    public void Several_control_characters_in_one_cell_are_counted_and_the_first_named()
    {
        using var tmp = new TempFolder();
        var path = tmp["esc.csv"];
        File.WriteAllBytes(path, Csv("LBY1,2019-04-04,1,Battles,Actor A,Libya,\"\u001b[31mred\u007f\",2\n"));
        var w = Assert.Single(EventLoader.Load(path).Warnings);
        Assert.Equal("notes", w.Column);
        Assert.StartsWith("holds 2 control characters, the first U+001B (ESC) at character 1;", w.Message, StringComparison.Ordinal);
        Assert.Equal("[U+001B][31mred[U+007F]", w.Value);
    }

    [Fact]
    public void Tabs_and_line_breaks_in_a_quoted_note_are_not_control_characters()
    {
        using var tmp = new TempFolder();
        var path = tmp["tab.csv"];
        File.WriteAllBytes(path, Csv("LBY1,2019-04-04,1,Battles,Actor A,Libya,\"a\tnote\r\non two lines\",2\n"));
        var t = EventLoader.Load(path);
        Assert.Equal(1, t.Loaded);
        Assert.Empty(t.Warnings);
    }

    [Fact]
    public void A_rejected_row_with_a_nul_is_rejected_not_warned_about()
    {
        using var tmp = new TempFolder();
        var path = tmp["nul-rejected.csv"];
        File.WriteAllBytes(path, Csv("LBY1,2019-04-04,1,Battles,Act\0or A,Libya,ok,x\n"));
        var t = EventLoader.Load(path);
        Assert.Empty(t.Warnings);
        AssertPrintable(Assert.Single(t.Rejections).ToString());
    }

    public static TheoryData<string, string> NotCsvText => new()
    {
        { "gzip", "this file is gzip-compressed, not CSV text" },
        { "pdf", "this file is a PDF document, not CSV text" },
        { "zip", "this file is a zip archive, not CSV text" },
        { "damaged-zip", "this file is a zip archive (an Excel workbook, or another archive), not CSV text, and the archive is damaged" },
        { "xls", "this file is an Excel 97–2003 workbook (.xls) or another old Microsoft Office document, not CSV text" },
        { "utf16le", "this file is UTF-16 (little-endian) text without a byte order mark, not UTF-8" },
        { "utf16be", "this file is UTF-16 (big-endian) text without a byte order mark, not UTF-8" },
        { "binary", "4,096 of the first 4,096 bytes are NUL, so this is not CSV text" },
    };

    [Theory]
    [MemberData(nameof(NotCsvText))]
    public void File_that_is_not_csv_text_is_named_by_its_first_bytes_and_never_shown(string kind, string problem)
    {
        using var tmp = new TempFolder();
        var path = tmp[$"{kind}.csv"];
        File.WriteAllBytes(path, Bytes(kind));
        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));
        Assert.Equal(path, ex.File);
        Assert.Equal(problem, ex.Problem);
        Assert.StartsWith($"{path}: {problem}. ", ex.Message, StringComparison.Ordinal);
        AssertPrintable(ex.Message);
        Assert.DoesNotContain("Latin-1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip", "gunzip -c '{0}' > ")]
    [InlineData("zip", "(unzip '{0}') and pass the CSV file inside; it holds 1 file: events.csv")]
    [InlineData("utf16le", "iconv -f UTF-16LE -t UTF-8 '{0}' > ")]
    [InlineData("utf16be", "iconv -f UTF-16BE -t UTF-8 '{0}' > ")]
    public void Hint_gives_the_command_that_fixes_the_file(string kind, string command)
    {
        using var tmp = new TempFolder();
        var path = tmp[$"{kind}.csv"];
        File.WriteAllBytes(path, Bytes(kind));
        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, path), ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Excel_workbook_named_csv_is_refused_with_the_rename_that_loads_it()
    {
        using var tmp = new TempFolder();
        var asCsv = tmp["events.csv"];
        File.Copy(TestPaths.Fixture("fuzz", "workbook-base.xlsx"), asCsv);
        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(asCsv));
        Assert.Equal("this file is an Excel workbook (.xlsx, a zip archive), not CSV text", ex.Problem);
        var renamed = tmp["events.xlsx"];
        Assert.Contains($"mv '{asCsv}' '{renamed}'", ex.Hint, StringComparison.Ordinal);
        AssertPrintable(ex.Message);

        // Following the hint loads it.
        File.Move(asCsv, renamed);
        Assert.Equal(6, EventLoader.Load(renamed).Loaded);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Utf16_with_a_byte_order_mark_is_read(string encoding)
    {
        using var tmp = new TempFolder();
        var path = tmp["bom.csv"];
        var enc = encoding == "utf-16" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        File.WriteAllBytes(path, [.. enc.GetPreamble(), .. enc.GetBytes(Header + "LBY1,2019-04-04,1,Battles,Actor A,Libya,ok,2\n")]);
        var t = EventLoader.Load(path);
        Assert.Equal("Actor A", Assert.Single(t.Events).Actor1);
        Assert.Empty(t.Warnings);
    }

    [Fact]
    public void Header_names_with_control_characters_are_shown_escaped_in_the_error()
    {
        using var tmp = new TempFolder();
        var path = tmp["nul-header.csv"];
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("col\0umn,other\nLBY1,x\n"));
        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));
        Assert.Contains("Found: col[U+0000]umn, other", ex.Hint, StringComparison.Ordinal);
        AssertPrintable(ex.Message);
    }

    /// <summary>The first bytes of each kind, written here (a header row of real CSV follows the signatures that allow it).</summary>
    private static byte[] Bytes(string kind)
    {
        var csv = Csv("LBY1,2019-04-04,1,Battles,Actor A,Libya,ok,2\n");
        switch (kind)
        {
            case "gzip":
                using (var buffer = new MemoryStream())
                {
                    using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gz.Write(csv);
                    }

                    return buffer.ToArray();
                }

            case "pdf":
                return Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
            case "zip":
                using (var buffer = new MemoryStream())
                {
                    using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        using var entry = zip.CreateEntry("events.csv").Open();
                        entry.Write(csv);
                    }

                    return buffer.ToArray();
                }

            case "damaged-zip":
                return [.. "PK\u0003\u0004"u8, .. new byte[520]];
            case "xls":
                return [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
            case "utf16le":
                return Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(csv));
            case "utf16be":
                return Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(csv));
            case "binary":
                return new byte[8192];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
