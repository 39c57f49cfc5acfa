using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class CsvTableTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Wagner Group", "Wagner Group")]
    public void Text_cells_that_a_spreadsheet_would_run_are_neutralised(string input, string expected) =>
        Assert.Equal(expected, CsvTable.NeutraliseFormula(input));

    [Fact]
    public void Numbers_stay_numbers_and_text_is_quoted_when_needed()
    {
        var t = new CsvTable("t", "a", "b", "c", "d");
        t.Add(-2.5, "x, \"y\"", new DateOnly(2019, 4, 4), null);
        Assert.Equal("a,b,c,d\n-2.5,\"x, \"\"y\"\"\",2019-04-04,\n", t.ToCsv());
    }

    [Fact]
    public void The_writer_quotes_only_what_needs_it_with_LF_line_ends_and_no_byte_order_mark()
    {
        // The bytes the hand-written writer gave, which CsvHelper's writer (now behind Rfc4180Writer) must keep.
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Pipeline.Text.Rfc4180Writer.Utf8NoBom, leaveOpen: true))
        using (var csv = new Pipeline.Text.Rfc4180Writer(text))
        {
            csv.WriteRecord(["plain", " padded ", "comma,", "quote\"", "cr\r", "lf\n", "", "Al Buţnān district", "=1+1", "-3"]);
            csv.WriteRecord(["", ""]);
        }

        Assert.Equal("plain, padded ,\"comma,\",\"quote\"\"\",\"cr\r\",\"lf\n\",,Al Buţnān district,=1+1,-3\n,\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.NotEqual(0xEF, stream.ToArray()[0]);
    }

    [Fact]
    public void Row_with_the_wrong_number_of_values_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CsvTable("t", "a", "b").Add(1));
}
