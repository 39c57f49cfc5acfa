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
    public void Row_with_the_wrong_number_of_values_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CsvTable("t", "a", "b").Add(1));
}
