using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

/// <summary>
/// A quote left open reads the lines after it into its record. Whatever becomes of that record, its
/// rejection names every physical line it swallowed, the quote that did it and the fix, so no line of the
/// file is missing from the accounting.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class QuoteSpanTests
{
    private static EventTable Load(string name) => EventLoader.Load(TestPaths.Events(name));

    [Fact]
    public void Quote_closed_on_the_next_line_rejects_lines_3_to_4_as_one_record_and_names_both()
    {
        var t = Load("acled-quote-closed-on-next-line.csv");
        Assert.Equal((2, 1, 1), (t.RowsRead, t.Loaded, t.Rejected));
        Assert.Equal(new LineRange(2, 4), t.DataLines);
        var r = Assert.Single(t.Rejections);
        Assert.Equal((3, 3, 4), (r.Line, r.FirstLine, r.LastLine));
        Assert.True(r.SpansLines);
        Assert.Equal(("actor1", 5), (r.Column, r.ColumnNumber));
        Assert.Equal("malformed CSV quoting (a quoted field ran across lines, then text after a closing quote)", r.Reason);
        Assert.Equal(
            "lines 3–4 were read as one record because the quote opened in line 3, column 27 (field 5, 'actor1') closes only in line 4, column 27; "
            + "close it in line 3 where the value ends, or remove it (a quote inside a value is written twice: \"\"), and line 4 is read as its own row",
            r.Hint);
        Assert.StartsWith(TestPaths.Events("acled-quote-closed-on-next-line.csv") + ":3–4:", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_swallowing_lines_mid_file_names_lines_3_to_6_and_the_rows_after_it_still_load()
    {
        var t = Load("acled-quote-swallows-lines-mid-file.csv");
        Assert.Equal((4, 3, 1), (t.RowsRead, t.Loaded, t.Rejected));
        Assert.Equal(["LBY1", "LBY6", "LBY7"], t.Events.Select(e => e.Id));
        Assert.Equal([2L, 7, 8], t.Events.Select(e => e.SourceLine));
        Assert.Equal(new LineRange(2, 8), t.DataLines);
        var r = Assert.Single(t.Rejections);
        Assert.Equal(new LineRange(3, 6), r.Lines);
        Assert.Equal("row has 6 fields but the header has 7", r.Reason);
        Assert.Equal(
            "lines 3–6 were read as one record because the quote opened in line 3, column 27 (field 5, 'actor1') closes only in line 6, column 40; "
            + "close it in line 3 where the value ends, or remove it (a quote inside a value is written twice: \"\"), and lines 4–6 are read as their own rows",
            r.Hint);
    }

    [Fact]
    public void Quote_never_closed_reads_lines_4_to_6_the_rest_of_the_file_as_one_record_and_says_so()
    {
        var t = Load("acled-quote-never-closed-at-end.csv");
        Assert.Equal((3, 2, 1), (t.RowsRead, t.Loaded, t.Rejected));
        Assert.Equal(new LineRange(2, 6), t.DataLines);
        var r = Assert.Single(t.Rejections);
        Assert.Equal(new LineRange(4, 6), r.Lines);
        Assert.Equal("actor1", r.Column);
        Assert.Equal("malformed CSV quoting (a quoted field is never closed, so the rest of the file was read as one record)", r.Reason);
        Assert.Equal(
            "lines 4–6, the rest of the file, were read as one record because the quote opened in line 4, column 27 (field 5, 'actor1') is never closed; "
            + "close it where the value ends (a quote inside a value is written twice: \"\"): nothing after it could be loaded",
            r.Hint);
    }

    [Fact]
    public void Strict_mode_names_the_span_of_the_first_rejected_record()
    {
        var ex = Assert.Throws<RowRejectedException>(() =>
            EventLoader.Load(TestPaths.Events("acled-quote-swallows-lines-mid-file.csv"), EventLoadOptions.Default with { Strict = true }));
        Assert.Equal(new LineRange(3, 6), ex.Rejection.Lines);
        Assert.Contains("acled-quote-swallows-lines-mid-file.csv:3–6:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_notes_on_several_lines_are_not_flagged_but_the_lines_are_counted()
    {
        var t = Load("acled-quoted-newline-in-notes.csv");
        Assert.Equal((3, 2), (t.RowsRead, t.Loaded));
        Assert.Empty(t.Warnings);
        var r = Assert.Single(t.Rejections);
        Assert.False(r.SpansLines);
        Assert.Equal(new LineRange(2, 6), t.DataLines);
    }

    [Fact]
    public void Bad_value_in_a_record_with_a_multi_line_note_keeps_its_own_hint_and_spans_the_note()
    {
        using var tmp = new TempFolder();
        var path = tmp["note.csv"];
        File.WriteAllText(path, "event_id_cnty,event_date,time_precision,event_type,actor1,country,notes,fatalities\n"
            + "LBY1,2019-04-04,1,Battles,Actor A,Libya,\"a note\non two lines\",x\n");
        var r = Assert.Single(EventLoader.Load(path).Rejections);
        Assert.Equal(new LineRange(2, 3), r.Lines);
        Assert.Equal("fatalities is not a whole number", r.Reason);
        Assert.Equal("write a whole number such as 0, 3 or 12", r.Hint);
    }

    [Fact]
    public void Cached_table_keeps_the_spans_of_rejections_and_the_data_lines()
    {
        using var tmp = new TempFolder();
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(tmp["cache"]) };
        var path = TestPaths.Events("acled-quote-swallows-lines-mid-file.csv");
        var fresh = EventLoader.Load(path, options);
        var cached = EventLoader.Load(path, options);
        Assert.Equal(EventCacheOutcome.Hit, cached.Cache!.Outcome);
        Assert.Equal(fresh.Rejections, cached.Rejections);
        Assert.Equal(new LineRange(3, 6), cached.Rejections[0].Lines);
        Assert.Equal(new LineRange(2, 8), cached.DataLines);
    }
}
