using System.Text;
using Pipeline.Events;

namespace Pipeline.Tests.Performance;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class DateParsingTests
{
    public static TheoryData<string> Cells() =>
    [
        "2012-03-01", "2020-02-29", "2019-02-29", "2019-13-01", "0000-01-01",
        "21 March 2020", "1 March 2020", "01 March 2020", "21 Mar 2020", "21 march 2020", "21 MARCH 2020", "31 February 2019",
        "1 May 2020", "21 Sept 2020", "21  March 2020", "21 March 20", "21 March 02020", "123 March 2020",
        "29-Feb-20", "29-Feb-21", "5-Aug-24", "05-Aug-97", "5-Aug-1997", "5-August-24", "5-aug-24", "5-Aug-4",
        "04/17/2011 00:00:00", "4/7/2011 0:00:00", "4/7/2011", "2012-03-01 00:00:00", "2012-03-01T12:30:00",
        "March 21 2020", "21-03-2020", "x", "2", "", "21 Marc 2020", "1 Juni 2020", "29 February 1900", "29-Feb-00",
    ];

    [Theory]
    [MemberData(nameof(Cells))]
    public void Parsing_the_cells_utf8_bytes_agrees_with_parsing_its_text(string cell)
    {
        var fromText = EventDates.TryParse(cell, out var textDate);
        var fromBytes = EventDates.TryParse(Encoding.UTF8.GetBytes(cell), out var byteDate);

        Assert.Equal(fromText, fromBytes);
        Assert.Equal(textDate, byteDate);
    }

    [Fact]
    public void Every_day_of_ACLEDs_coverage_in_every_fast_form_agrees_with_the_text_parser()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        for (var d = new DateOnly(1997, 1, 1); d <= new DateOnly(2030, 12, 31); d = d.AddDays(3))
        {
            foreach (var text in new[] { d.ToString("yyyy-MM-dd", inv), d.ToString("d MMMM yyyy", inv), d.ToString("dd MMM yyyy", inv), d.ToString("d-MMM-yy", inv) })
            {
                Assert.True(EventDates.TryParse(Encoding.UTF8.GetBytes(text), out var parsed), text);
                Assert.True(EventDates.TryParse(text, out var expected), text);
                Assert.Equal(expected, parsed);
                Assert.Equal(d, parsed);
            }
        }
    }
}
