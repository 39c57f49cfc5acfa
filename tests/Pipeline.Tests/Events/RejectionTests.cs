using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class RejectionTests
{
    private static EventTable Load(string name) => EventLoader.Load(TestPaths.Events(name));

    private static RowRejection At(EventTable t, long line) => Assert.Single(t.Rejections, r => r.Line == line);

    [Fact]
    public void Every_row_is_either_loaded_or_rejected()
    {
        var t = Load("acled-bad-rows-one-per-reason.csv");
        Assert.Equal(11, t.RowsRead);
        Assert.Equal(t.RowsRead, t.Loaded + t.Rejected);
        Assert.Equal("LBY1", Assert.Single(t.Events).Id);
    }

    [Fact]
    public void Rejects_row_with_February_31_and_names_line_3()
    {
        var r = At(Load("acled-bad-rows-one-per-reason.csv"), 3);
        Assert.Equal("event_date", r.Column);
        Assert.Equal(2, r.ColumnNumber);
        Assert.Equal("2019-02-31", r.Value);
        Assert.Contains("day 31 does not exist in February 2019", r.Reason);
        Assert.Contains("21 March 2020", r.Hint);
    }

    [Theory]
    [InlineData(4, "fatalities", "-2", "fatalities is out of range")]
    [InlineData(5, "fatalities", "dozens", "fatalities is not a whole number")]
    [InlineData(6, "time_precision", "4", "time_precision is out of range")]
    [InlineData(7, "country", "", "country is missing")]
    [InlineData(8, "year", "2018", "year disagrees with event_date 2019-02-07")]
    [InlineData(9, "latitude", "132.1", "latitude is out of range")]
    [InlineData(12, "event_date", "2019/13/01", "event_date: not a date in any accepted form")]
    public void Rejects_bad_cell_with_line_column_value_and_reason(long line, string column, string value, string reason)
    {
        var r = At(Load("acled-bad-rows-one-per-reason.csv"), line);
        Assert.Equal(column, r.Column);
        Assert.Equal(value, r.Value);
        Assert.Equal(reason, r.Reason);
        Assert.False(string.IsNullOrWhiteSpace(r.Hint));
    }

    [Fact]
    public void Rejects_non_empty_field_beyond_the_header_naming_the_count()
    {
        var r = At(Load("acled-bad-rows-one-per-reason.csv"), 11);
        Assert.Equal("row has 10 fields but the header has 9, and field 10 is not empty", r.Reason);
        Assert.Equal("surplus", r.Value);
    }

    [Fact]
    public void Rejects_row_with_fewer_fields_than_the_header_naming_the_first_missing_column()
    {
        var r = At(Load("acled-bad-rows-one-per-reason.csv"), 10);
        Assert.Equal("row has 8 fields but the header has 9", r.Reason);
        Assert.Equal("latitude", r.Column);
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_bad_row_with_the_same_detail()
    {
        var ex = Assert.Throws<RowRejectedException>(() =>
            EventLoader.Load(TestPaths.Events("acled-bad-rows-one-per-reason.csv"), EventLoadOptions.Default with { Strict = true }));
        Assert.Equal(3, ex.Rejection.Line);
        Assert.Equal("event_date", ex.Rejection.Column);
        Assert.Contains("acled-bad-rows-one-per-reason.csv:3:", ex.Message);
    }

    [Fact]
    public void Reports_invalid_utf8_with_line_and_column_and_keeps_other_rows()
    {
        var t = Load("acled-invalid-utf8-latin1-byte.csv");
        Assert.Equal(2, t.Loaded);
        var r = Assert.Single(t.Rejections);
        Assert.Equal(3, r.Line);
        Assert.Equal("actor1", r.Column);
        Assert.Equal("invalid UTF-8 bytes", r.Reason);
        Assert.Contains("UTF-8", r.Hint);
    }

    [Fact]
    public void Rejects_malformed_quoting_as_a_row_and_goes_on()
    {
        var t = Load("acled-malformed-quote.csv");
        Assert.Equal(2, t.RowsRead);
        var r = Assert.Single(t.Rejections);
        Assert.Equal(2, r.Line);
        Assert.StartsWith("malformed CSV quoting", r.Reason);
        Assert.Equal("LBY2", Assert.Single(t.Events).Id);
    }

    [Theory]
    [InlineData("acled-semicolon-delimiter.csv", "semicolon (;)")]
    [InlineData("acled-tab-delimiter.csv", "tab")]
    public void Names_the_detected_delimiter_when_it_is_not_a_comma(string file, string delimiter)
    {
        var ex = Assert.Throws<EventFileException>(() => Load(file));
        Assert.Equal($"the file is delimited by {delimiter}, not by commas", ex.Problem);
        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [InlineData("empty-zero-bytes.csv", "the file is empty (0 bytes)")]
    [InlineData("bom-only.csv", "the file holds only a UTF-8 byte order mark and no data")]
    [InlineData("acled-header-only.csv", "the file has a header but no data rows")]
    [InlineData("not-event-data.csv", "the header matches neither ACLED nor UCDP GED")]
    public void Gives_a_file_level_error_for_unusable_files(string file, string problem)
    {
        var ex = Assert.Throws<EventFileException>(() => Load(file));
        Assert.Equal(problem, ex.Problem);
        Assert.EndsWith(file, ex.File);
        Assert.False(string.IsNullOrWhiteSpace(ex.Hint));
    }

    [Fact]
    public void Missing_file_error_names_the_path()
    {
        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load("no/such/events.csv"));
        Assert.Equal("file not found", ex.Problem);
        Assert.Equal("no/such/events.csv", ex.File);
    }

    [Fact]
    public void Missing_columns_error_lists_missing_and_found_and_suggests_the_nearest()
    {
        var ex = Assert.Throws<EventFileException>(() => Load("acled-missing-columns-with-typo.csv"));
        Assert.Equal("missing required ACLED columns: event_type, fatalities", ex.Problem);
        Assert.Contains("found columns: event_id_cnty, event_date, time_precision, evnt_type, actor1, country, fatality", ex.Hint);
        Assert.Contains("'evnt_type' for 'event_type'", ex.Hint);
        Assert.Contains("'fatality' for 'fatalities'", ex.Hint);
    }
}
